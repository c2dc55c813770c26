"""Behaviour mutants the test suite must kill: proof that its tests can fail.

    python3 dev.py mutants [NAME ...]

Each mutant is one small edit to a scratch copy of the repository that breaks a promise
the README makes (answer only when mentioned, once per post, never ping, ...). The script
applies it, runs the tests that guard that promise, and prints one line per mutant:
`killed` (a test failed, as it must) or `survived` (nothing noticed: a gap in the tests).
It exits 1 if any mutant survived or could not be applied. Not part of the default test
run: it runs the relevant tests once per mutant (over an hour for all of them on two
cores). A NAME keeps only the mutants whose name contains it (any case); a NAME that no
mutant's name contains is refused (exit 2), not a pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


ANSWERS = "bot/cogs/answers.py"
CATCH_UP = "bot/catch_up.py"
DELETIONS = "bot/deletions.py"
MENTIONS = "bot/mentions.py"
E2E = "tests/test_bot_e2e.py"
FAULTS = "tests/test_faults_e2e.py"
STORAGE = "tests/test_storage.py"
MODERATION = "tests/test_moderation_e2e.py"
#: The fake Discord refusing what real Discord refuses.
FAKE_FORM = "tests/test_fakediscord.py::test_a_form_over_a_text_inputs_limits_is_refused"
FAKE_MESSAGE = "tests/test_fakediscord.py::test_a_message_over_discords_limits_is_refused"
DIGEST = f"{MODERATION}::test_the_mod_log_hears_of_refused_reloads_edits_and_the_queue"
CHORE = f"{STORAGE}::test_a_daily_chore_is_claimed_once_a_day_even_when_raced"
FIGURE_NOTICE = (
    "tests/test_faq_validation.py::"
    "test_a_figure_for_a_year_that_is_none_of_that_years_limits_gets_a_notice"
)
PROCESSES = "tests/test_processes_e2e.py"
LAST_GOOD = "tests/test_last_good.py"

EDIT_WITH_A_MISTAKE = (
    "tests/test_faq_editing.py::test_an_edit_with_a_mistake_of_its_own_is_checked_against_"
    "the_others_too"
)
MUTANTS = [
    Mutant(
        "answers in a forum that is not watched",
        "bot/forum_tags.py",
        "and channel.parent_id in bot.settings.discord.forum_channel_ids",
        "and True",
        (f"{E2E}::test_posts_in_other_forums_are_ignored",),
    ),
    Mutant(
        "answers a mention in a text channel that is not watched",
        ANSWERS,
        'return getattr(channel, "id", None) in ids or parent_id in ids',
        "return True",
        (f"{E2E}::test_mentions_only_in_watched_text_channels",),
    ),
    Mutant(
        "answers a forum post again after a restart",
        "bot/storage/sqlite.py",
        "            if cursor.rowcount != 1:\n                return False",
        "            if False:\n                return False",
        (f"{FAULTS}::test_restarted_bot_does_not_answer_a_post_again",),
    ),
    Mutant(
        "skips the catch-up after a new session (several shards)",
        CATCH_UP,
        "    async def on_shard_ready(self, shard_id: int) -> None:\n"
        '        """The sharded form of on_ready: one shard has a new session; catch up on '
        'its guilds."""\n',
        "    async def on_shard_ready(self, shard_id: int) -> None:\n"
        "        if shard_id in getattr(self, '_seen', set()):\n            return\n"
        "        self._seen = {*getattr(self, '_seen', set()), shard_id}\n",
        (f"{FAULTS}::test_post_created_while_the_session_was_invalid_is_answered_after_ready",),
    ),
    Mutant(
        "ignores the /ask cooldown",
        "bot/limits.py",
        "        return app_commands.Cooldown(getattr(limits, setting), 60.0)",
        "        return None",
        ("tests/test_limits_e2e.py::test_ask_cooldown_gives_a_private_notice",),
    ),
    Mutant(
        "ignores the forum answer cap",
        ANSWERS,
        "        if not self.forum_window.allow():",
        "        if False:",
        ("tests/test_limits_e2e.py",),
    ),
    Mutant(
        "lets a reply ping @everyone or a role",
        "bot/replies.py",
        "NO_PINGS = discord.AllowedMentions.none()",
        "NO_PINGS = discord.AllowedMentions.all()",
        (E2E, "tests/test_hostile_inputs.py"),
    ),
    Mutant(
        "accepts a path-like FAQ id in an edit",
        "knowledge/editing.py",
        '    if not _ID.fullmatch(entry_id or "") or len(entry_id) > 80:',
        "    if not entry_id:",
        ("tests/test_hostile_inputs.py", "tests/test_moderation_e2e.py"),
    ),
    Mutant(
        "lets a non-moderator run /faq-admin",
        "bot/cogs/faq_admin.py",
        "        if not is_moderator(self.bot, interaction.user):\n"
        "            raise NotModerator()",
        "        pass",
        ("tests/test_moderation_e2e.py",),
    ),
    Mutant(
        "rounds a calculator's half-cent the wrong way",
        "calculators/money.py",
        "    return value.quantize(CENT, rounding=ROUND_HALF_UP)",
        "    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)",
        ("tests/test_calc_split.py", "tests/test_calc_prorata.py", "tests/test_calc_form8606.py"),
    ),
    Mutant(
        "counts a reply it gave up on as served",
        "bot/answering.py",
        "    answered = result.answered and sent\n",
        "    answered = result.answered\n",
        (f"{FAULTS}::test_a_reply_owed_past_the_max_age_is_given_up_and_left_to_moderators",),
    ),
    Mutant(
        "answers below the confidence threshold",
        "knowledge/matcher.py",
        "        if best.score >= t.answer_threshold or taught:",
        "        if best.score >= t.suggest_threshold or taught:",
        ("tests/test_matcher.py",),
    ),
    Mutant(
        "keeps a question a moderator taught word for word in the review queue",
        "knowledge/matcher.py",
        "                shaky=best.score < t.sure_threshold and not taught,",
        "                shaky=best.score < t.sure_threshold,",
        (
            "tests/test_moderation_e2e.py::test_a_gap_fixed_in_the_files_leaves_gaps_and_the_queue",
            # (the queue now also leaves out a question filed in the files word for word,
            # shaky or not: the matcher's own verdict is what is checked here)
            "tests/test_matcher.py::test_an_example_decides_its_own_text_even_where_the_ranking_disagrees",
        ),
    ),
    Mutant(
        "fits the ranker's scores on the written examples too",
        "knowledge/examples.py",
        "    asked = [j for j, e in enumerate(examples) if not e.written]",
        "    asked = list(range(len(examples)))",
        ("tests/test_examples.py",),
    ),
    Mutant(
        "keeps the matcher when only an example's written mark changed",
        "knowledge/base.py",
        "        digest.update(repr((example.text, example.ids, example.written)).encode())",
        "        digest.update(repr((example.text, example.ids)).encode())",
        ("tests/test_examples.py",),
    ),
    Mutant(
        "forgets a question a moderator taught word for word",
        "knowledge/matcher.py",
        "        taught = bool(taught_ids) or best.id == named",
        "        taught = best.id == named",
        ("tests/test_examples.py",),
    ),
    Mutant(
        "trains the ranker on the ridge's in-sample scores",
        "knowledge/ranker.py",
        "            own = left_out[block]  # the ridge without itself either",
        "            own = (similar_words[block] + similar_chars[block]) @ self.ridge_weights.T",
        ("tests/test_matcher.py",),
    ),
    Mutant(
        "scores a candidate's character cosine with another entry",
        "knowledge/ranker.py",
        "dense_product(chars, candidates)[owner, position]",
        "dense_product(chars, candidates)[owner, position[::-1]]",
        (
            "tests/test_matcher.py::test_training_scores_each_candidates_own_character_cosine",
            "tests/test_matcher.py::test_candidate_only_signals_equal_the_full_computation",
        ),
    ),
    Mutant(
        "cuts an answer's hits by unrounded score, not by rounded score and id",
        "knowledge/matcher.py",
        "            floor = np.partition(probabilities, -limit)[-limit] - 0.1",
        "            floor = np.partition(probabilities, -limit)[-limit]",
        (
            "tests/test_matcher.py::test_a_ranking_cut_to_a_few_hits_is_the_head_of_the_whole_ranking",
        ),
    ),
    Mutant(
        "scores an answer's candidate character cosine with another entry",
        "knowledge/ranker.py",
        "_rows_times_columns(self.entry_chars, scored, chars)[position, owner]",
        "_rows_times_columns(self.entry_chars, scored, chars)[position[::-1], owner]",
        ("tests/test_matcher.py::test_candidate_only_signals_equal_the_full_computation",),
    ),
    Mutant(
        "puts a question's n-grams under another question's column",
        "knowledge/ranker.py",
        "np.repeat(np.arange(count), np.diff(vectors.indptr))] = vectors.data",
        "np.repeat(np.arange(count)[::-1], np.diff(vectors.indptr))] = vectors.data",
        (
            "tests/test_matcher.py::test_a_few_questions_cosines_by_dense_columns_are_the_products_bit_for_bit",
        ),
    ),
    Mutant(
        "counts n-grams the FAQ does not have in a question's characters",
        "knowledge/ranker.py",
        "            found = found[found >= 0]",
        "            found = found[found >= -1]",
        ("tests/test_matcher.py::test_a_questions_character_ngrams_word_by_word_are_its_texts",),
    ),
    Mutant(
        "ranks a question's candidates below the padding that evens out their numbers",
        "knowledge/ranker.py",
        "    grid = np.full((signals, size, width), -np.inf)",
        "    grid = np.full((signals, size, width), np.inf)",
        ("tests/test_matcher.py::test_ranks_and_leads_sort_like_the_values_themselves",),
    ),
    Mutant(
        "freezes a process's first load's garbage with what it holds",
        "knowledge/base.py",
        "                    gc.collect()",
        "                    pass",
        ("tests/test_examples.py::test_a_process_first_load_collects_then_freezes_what_it_holds",),
    ),
    Mutant(
        "leaves what a process's first load holds to every full pass",
        "knowledge/base.py",
        "                    gc.freeze()",
        "                    pass",
        ("tests/test_examples.py::test_a_process_first_load_collects_then_freezes_what_it_holds",),
    ),
    Mutant(
        "leaves the garbage collector paused after a load",
        "knowledge/base.py",
        "                    gc.enable()",
        "                    pass",
        (
            "tests/test_examples.py::test_a_load_pauses_the_collector_and_later_loads_freeze_nothing",
        ),
    ),
    Mutant(
        "gives a near example's vote to the entry after the one it is labelled with",
        "knowledge/ranker.py",
        "        cells += self._label_entry[_spans(starts, counts)]",
        "        cells += (self._label_entry[_spans(starts, counts)] + 1) % n",
        ("tests/test_matcher.py::test_near_examples_vote_for_the_entries_they_are_labelled_with",),
    ),
    Mutant(
        "puts the ridge's coefficients under other targets when some have no examples",
        "knowledge/ridge.py",
        "    dual[:, used] = fitted",
        "    dual[:, : len(used)] = fitted",
        ("tests/test_ridge.py",),
    ),
    Mutant(
        "leaves the examples' meaning out of the ridge's kernel",
        "knowledge/ridge.py",
        "    k = word_cosines + char_cosines + MEANING * meaning_cosines",
        "    k = word_cosines + char_cosines",
        ("tests/test_embedding.py::test_the_ridge_learns_what_examples_mean_not_only_their_words",),
    ),
    Mutant(
        "weighs every FAQ term as if only one entry had it",
        "knowledge/lexical.py",
        "        self.idf_by_column = by_frequency[np.bincount(rows, minlength=len(terms))]",
        "        self.idf_by_column = by_frequency[np.ones(len(terms), np.intp)]",
        ("tests/test_matcher.py",),
    ),
    Mutant(
        "answers a bot's own forum post",
        ANSWERS,
        "        if not self._asked_by_a_member(message):\n"
        "            return\n        if message.guild is None:\n",
        "        if False:\n            return\n        if message.guild is None:\n",
        (f"{E2E}::test_bots_are_never_answered",),
    ),
    Mutant(
        "reloads a broken FAQ folder half-way",
        "knowledge/base.py",
        "            if scan.problems:\n"
        "                raise FaqInvalid(scan.problems, unread_files(scan.notices))\n",
        "",
        ("tests/test_moderation_e2e.py", "tests/test_examples.py"),
    ),
    Mutant(
        "keeps a typo correction to a word an edit removed",
        "knowledge/typos.py",
        "                continue  # looked up again when next asked\n",
        "                pass\n",
        ("tests/test_matcher.py::test_corrections_carried_across_an_edit_match_a_fresh_lookup",),
    ),
    Mutant(
        "misses a typo correction by skipping a known word that could match",
        "knowledge/typos.py",
        "[within] - 1 - 2 * most[within]",
        "[within] - 2 * most[within]",
        (
            "tests/test_matcher.py::test_corrections_score_only_words_that_can_match_yet_find_the_same",
        ),
    ),
    Mutant(
        "freezes what every load leaves out of the garbage collector's reach",
        "knowledge/base.py",
        "                if not _SETTLED[0]:",
        "                if True:",
        (
            "tests/test_examples.py::test_a_load_pauses_the_collector_and_later_loads_freeze_nothing",
        ),
    ),
    Mutant(
        "loses the reply of a post whose process died mid-reply",
        "bot/storage/postgres.py",
        "                await db.execute(_UPSERT_PENDING, *_pending_args(owed))",
        "                pass",
        (f"{PROCESSES}::test_a_process_killed_mid_reply_loses_no_post_and_answers_none_twice",),
    ),
    Mutant(
        "drops a reply that failed or that the forum cap held back",
        ANSWERS,
        "            if delivery.done:\n                await self.bot.store.settle_reply(",
        "            if True:\n                await self.bot.store.settle_reply(",
        (
            f"{FAULTS}::test_reply_that_finally_fails_is_retried_from_the_queue_and_sent_once",
            "tests/test_limits_e2e.py::test_posts_over_the_forum_cap_wait_in_the_queue_until_it_opens",
        ),
    ),
    Mutant(
        "sends a reply again when Discord made it but the response was lost",
        ANSWERS,
        "        if found := await self._already_answered(thread, starter, under=starter):\n",
        "        if found := None:\n",
        (f"{FAULTS}::test_a_lost_response_is_not_answered_twice",),
    ),
    Mutant(
        "hands one owed reply to two pollers (no lease)",
        "bot/storage/postgres.py",
        '"UPDATE pending_replies p SET due_at = now() + $1::interval,"',
        '"UPDATE pending_replies p SET due_at = now() + $1::interval * 0,"',
        ("tests/test_storage.py::test_due_replies_are_taken_once_with_a_lease_and_retried_later",),
    ),
    Mutant(
        "trains in every process that starts at once",
        "knowledge/cache.py",
        "        lock.acquire()\n",
        "        pass\n",
        ("tests/test_matcher_cache.py::test_processes_starting_together_train_once",),
    ),
    Mutant(
        "skips the answered tag on a post taken over from another shard",
        "bot/forum_tags.py",
        "    parent = thread.parent or await bot.fetch_channel(thread.parent_id)\n",
        "    parent = thread.parent\n",
        (f"{PROCESSES}::test_a_process_killed_mid_reply_loses_no_post_and_answers_none_twice",),
    ),
    Mutant(
        "answers a mention delivered twice twice",
        MENTIONS,
        "        if not here and not self.mentions.claim(message.id):\n            return\n",
        "",
        (f"{E2E}::test_a_mention_delivered_twice_is_answered_once[False]",),
    ),
    Mutant(
        "leaves a timed-out review's buttons to fail silently",
        "bot/review.py",
        "        if self._edit is None or not self.children:  # nothing left to click\n",
        "        if True:\n",
        (
            "tests/test_moderation_e2e.py::"
            "test_a_review_left_alone_says_it_expired_instead_of_failing_clicks",
        ),
    ),
    Mutant(
        "lets a not-tax-advice line in non-ASCII text through",
        "knowledge/loader.py",
        'if text.isascii() and "advice" not in text.lower():',
        'if "advice" not in text.lower():',
        (
            "tests/test_faq_validation.py::"
            "test_the_disclaimer_check_finds_what_the_full_search_finds",
        ),
    ),
    Mutant(
        "checks an edit in the order of the edit, not of a load",
        "knowledge/editing.py",
        "    ordered = sorted([*others, new_entry], key=lambda e: Path(e.path).name)\n",
        "    ordered = [*others, new_entry]\n",
        (
            "tests/test_faq_editing.py::"
            "test_a_save_that_clashes_with_an_entry_later_in_the_folder_is_refused",
        ),
    ),
    Mutant(
        "lets review decisions run at once",
        "knowledge/editing.py",
        "    with _editing(folder):\n        return _add_example(",
        "    if True:\n        return _add_example(",
        ("tests/test_faq_editing.py::test_decisions_made_at_once_are_all_written_and_never_clash",),
    ),
    Mutant(
        "writes an example that leaves its file invalid",
        "knowledge/editing.py",
        "    if fresh:\n        raise EditRefused(",
        "    if False:\n        raise EditRefused(",
        (
            "tests/test_faq_editing.py::"
            "test_an_example_that_would_break_its_file_is_refused_and_nothing_written",
        ),
    ),
    Mutant(
        "ends the front matter at an indented '---'",
        "knowledge/frontmatter.py",
        'end = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")',
        'end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")',
        (
            "tests/test_faq_validation.py::"
            "test_an_indented_dashes_line_is_yaml_text_not_the_end_of_the_front_matter",
        ),
    ),
    Mutant(
        "answers an expired form only with Discord's failure",
        "bot/cogs/faq_admin.py",
        "            or custom_id in self.open_forms\n",
        "            or True\n",
        (
            "tests/test_moderation_e2e.py::"
            "test_a_form_submitted_after_a_restart_gives_back_what_was_typed",
        ),
    ),
    Mutant(
        "answers a live form's submit as expired too",
        "bot/cogs/faq_admin.py",
        "            or custom_id in self.open_forms\n",
        "            or False\n",
        ("tests/test_hostile_inputs.py",),
    ),
    Mutant(
        "retags a post when any reply in it is removed",
        "bot/forum_tags.py",
        "    return ref is None or ref.message_id == thread.id",
        "    return True",
        (
            "tests/test_bot_e2e.py::test_removing_a_reply_to_a_follow_up_keeps_the_post_answered",
            "tests/test_bot_e2e.py::test_a_forum_post_answered_by_pointing_is_tagged_answered",
        ),
    ),
    Mutant(
        "Worksheet 1-1's figures are used even above Form 8606 line 5",
        "calculators/form8606.py",
        "    if l5 < w8:\n",
        "    if False:\n",
        (
            "tests/test_calc_form8606.py::"
            "test_a_worksheet_figure_above_line_5_gives_way_to_the_forms_own_lines",
            "tests/test_calc_form8606.py::"
            "test_a_late_contribution_does_not_shelter_this_years_conversion_through_the_worksheet",
        ),
    ),
    Mutant(
        "a year with basis, falling back to the form's lines, is told it has no basis",
        "calculators/form8606.py",
        "    elif inp.deductible:\n",
        "    if inp.deductible:\n",
        (
            "tests/test_calc_form8606.py::"
            "test_a_worksheet_figure_above_line_5_gives_way_to_the_forms_own_lines",
        ),
    ),
    Mutant(
        "resends a reply this process is still sending",
        ANSWERS,
        "        if (owed.kind, owed.message_id) in self._sending:\n",
        "        if False:\n",
        (f"{FAULTS}::test_a_reply_still_being_sent_when_its_lease_ends_is_sent_once",),
    ),
    Mutant(
        "gives up on a reply under its try",
        "bot/storage/memory.py",
        "if r.created < cutoff and r.due <= now]",
        "if r.created < cutoff]",
        ("tests/test_storage.py::test_a_reply_being_tried_is_not_expired_under_its_try",),
    ),
    Mutant(
        "posts only the first of a post's answers",
        "bot/answering.py",
        "        also = [(answer_embed(knowledge.short(hit.id)), hit) for hit in result.also]\n",
        "        also = []\n",
        (f"{E2E}::test_a_post_asking_two_things_gets_both_answers",),
    ),
    Mutant(
        "cuts the short answer's last source link in half",
        "knowledge/layout.py",
        "        sources = sources_text(entry)\n",
        "        sources = sources[:FIELD_VALUE_LIMIT]\n",
        (
            "tests/test_faq_validation.py::"
            "test_sources_that_fit_validation_are_posted_whole_in_the_short_answer",
        ),
    ),
    Mutant(
        "lets Show working past the calculator allowance",
        "bot/cogs/calculators.py",
        "        if wait is not None:\n            await send_private(",
        "        if False:\n            await send_private(",
        (
            "tests/test_limits_e2e.py::"
            "test_one_calculator_allowance_covers_every_calculator_and_show_working",
        ),
    ),
    Mutant(
        "lets calculators past the allowance",
        "bot/cogs/calculators.py",
        "        wait = self.over_limit(interaction.user.id)\n        if wait is not None:\n"
        "            limit",
        "        wait = None\n        if wait is not None:\n            limit",
        (
            "tests/test_limits_e2e.py::"
            "test_one_calculator_allowance_covers_every_calculator_and_show_working",
        ),
    ),
    Mutant(
        "lets a database failure escape start-up as a traceback",
        "bot/runner.py",
        "        )\n    except StorageError as exc:\n"
        "        raise _unusable(exc, settings) from None\n",
        "        )\n    except ZeroDivisionError as exc:\n"
        "        raise _unusable(exc, settings) from None\n",
        (
            "tests/test_startup_failures.py::"
            "test_the_database_folder_being_a_file_is_named_not_blamed_on_discord",
        ),
    ),
    Mutant(
        "replaces a damaged vote key silently",
        "bot/storage/base.py",
        "    if len(key) != 32:\n",
        "    if False:\n",
        ("tests/test_startup_failures.py::test_a_damaged_vote_key_file_is_named",),
    ),
    Mutant(
        "refuses other programs' variables in .env again",
        "bot/settings.py",
        '        dotenv_filtering="match_prefix",\n',
        "",
        (
            "tests/test_settings.py::"
            "test_a_shared_env_file_keeps_other_programs_variables_but_not_our_typos",
        ),
    ),
    Mutant(
        "lets a gateway refusal escape as a traceback",
        "bot/runner.py",
        "    except discord.ConnectionClosed as exc:\n",
        "    except ZeroDivisionError as exc:\n",
        ("tests/test_startup_failures.py::test_gateway_refusals_explain_what_to_change",),
    ),
    Mutant(
        "answers a mention without claiming it in the store",
        MENTIONS,
        '            if not await self._claimed(key, owed, "mention", message.id):\n',
        '            if not await self._claimed(key, owed, "mention", message.id) and 0:\n',
        ("tests/test_processes_e2e.py::test_two_processes_given_the_same_mention_answer_it_once",),
    ),
    Mutant(
        "leaves out every blank variable, id lists and typos too",
        "bot/settings.py",
        "        if not (name in left_out and _is_blank(value))",
        "        if not _is_blank(value)",
        (
            "tests/test_settings.py::test_a_blank_id_list_lists_no_ids",
            "tests/test_settings.py::"
            "test_a_shared_env_file_keeps_other_programs_variables_but_not_our_typos",
        ),
    ),
    Mutant(
        "lets a blank inside a JSON section hide .env and settings.toml",
        "bot/settings.py",
        "        return _without_blank_fields(super().__call__(), self.settings_cls)",
        "        return super().__call__()",
        ("tests/test_settings.py::test_a_blank_inside_a_json_section_hides_nothing",),
    ),
    Mutant(
        "reads another program's TOKEN as the Discord token",
        "bot/settings.py",
        'AliasChoices("DISCORD_TOKEN", "ROLLOVER_TOKEN")',
        'AliasChoices("DISCORD_TOKEN", "ROLLOVER_TOKEN", "token")',
        ("tests/test_settings.py::test_another_programs_token_variable_is_not_the_discord_token",),
    ),
    Mutant(
        "lets a blank variable in the environment or .env hide what comes after",
        "bot/settings.py",
        "        return _without_blanks(super()._load_env_vars(), self.settings_cls)",
        "        return super()._load_env_vars()",
        (
            "tests/test_settings.py::test_a_blank_variable_in_env_file_hides_nothing",
            "tests/test_settings.py::test_a_blank_token_name_does_not_hide_the_other_name",
        ),
    ),
    Mutant(
        "does not leave out a blank token name",
        "bot/settings.py",
        "            names.update(str(choice).lower() for choice in alias.choices)\n",
        "",
        ("tests/test_settings.py::test_a_blank_token_name_does_not_hide_the_other_name",),
    ),
    Mutant(
        "leaves an empty key file behind when writing it in place fails",
        "bot/storage/base.py",
        "                os.unlink(path)\n            raise",
        "                pass\n            raise",
        (f"{STORAGE}::test_a_failed_in_place_key_write_leaves_no_empty_key_behind",),
    ),
    Mutant(
        "leaves a part-written key file behind when the disk fills at the flush",
        "bot/storage/base.py",
        '            handle.write(key.hex() + "\\n")\n            handle.flush()\n        except',
        '            handle.write(key.hex() + "\\n")\n        except',
        (f"{STORAGE}::test_a_failed_in_place_key_write_leaves_no_empty_key_behind",),
    ),
    Mutant(
        "makes no folder for the vote key before making the key",
        "bot/storage/base.py",
        "    try:\n        path.parent.mkdir(parents=True, exist_ok=True)\n    except OSError",
        "    try:\n        pass\n    except OSError",
        (f"{STORAGE}::test_a_vote_key_link_to_nowhere_is_named",),
    ),
    Mutant(
        "takes away a whole key others may use when only its fsync fails",
        "bot/storage/base.py",
        "            handle.flush()\n        except BaseException:",
        "            handle.flush()\n"
        "            os.fsync(handle.fileno())\n"
        "        except BaseException:",
        (f"{STORAGE}::test_a_failed_in_place_key_write_leaves_no_empty_key_behind",),
    ),
    Mutant(
        "refuses to start when the key another process was writing goes away",
        "bot/storage/base.py",
        "            continue  # another process made it first: read theirs",
        "            return _read_key(path)",
        (f"{STORAGE}::test_a_key_file_whose_writer_gave_up_is_made_afresh",),
    ),
    Mutant(
        "blames another process for a vote key link to nowhere",
        "bot/storage/base.py",
        "            if path.is_symlink() and not path.exists():",
        "            if False:",
        (f"{STORAGE}::test_a_vote_key_link_to_nowhere_is_named",),
    ),
    Mutant(
        "refuses a part-written key file another process is still writing",
        "bot/storage/base.py",
        "        if len(text) >= 64 or not all(c in string.hexdigits for c in text):",
        "        if text:",
        (f"{STORAGE}::test_a_key_file_glimpsed_unfinished_is_read_once_written",),
    ),
    Mutant(
        "refuses a key file another process is still writing in place",
        "bot/storage/base.py",
        "_SHORT_KEY_WAIT = (0.05, 0.1, 0.2, 0.4, 0.8)",
        "_SHORT_KEY_WAIT = ()",
        (f"{STORAGE}::test_a_key_file_glimpsed_unfinished_is_read_once_written",),
    ),
    Mutant(
        "takes a reply to a mention in the thread for the owed post's answer",
        ANSWERS,
        "            if (later.reference.message_id if later.reference else None) in answers:",
        "            if True:",
        (f"{FAULTS}::test_an_answer_to_someone_else_in_the_thread_does_not_settle_the_owed_post",),
    ),
    Mutant(
        "takes a /ask response in the thread for the owed post's answer",
        ANSWERS,
        "if later.author.id != me.id or later.interaction_metadata is not None:",
        "if later.author.id != me.id:",
        (f"{FAULTS}::test_an_answer_to_someone_else_in_the_thread_does_not_settle_the_owed_post",),
    ),
    Mutant(
        "answers a post again that was answered under its starter meanwhile",
        ANSWERS,
        "answers = {under.id, None} if",
        "answers = {None} if",
        (f"{FAULTS}::test_an_answer_under_the_starter_settles_the_owed_post",),
    ),
    Mutant(
        "answers a mention under the starter again after the post's own answer",
        ANSWERS,
        "answers = {under.id, None} if",
        "answers = {under.id} if",
        (
            f"{FAULTS}::"
            "test_a_mention_under_the_starter_owed_after_the_posts_answer_is_not_sent_again",
        ),
    ),
    Mutant(
        "says a refused form's long input is attached, and attaches nothing",
        "bot/cogs/faq_admin.py",
        '{"files": page.discord_files()} if page.files else {}',
        "{}",
        (f"{MODERATION}::test_faq_admin_new_with_a_taken_id_says_so",),
    ),
    Mutant(
        "loses a file named earlier on a message when more inputs join it",
        "bot/cogs/faq_admin.py",
        "[*last.files, *files]",
        "[*files]",
        (f"{MODERATION}::test_each_input_given_back_as_a_file_comes_with_the_message_naming_it",),
    ),
    Mutant(
        "a complete load keeps no last complete FAQ",
        "knowledge/base.py",
        "            last_good.remember(folder, scan.entries, examples, loaded.content)\n",
        "            pass\n",
        (f"{LAST_GOOD}::test_a_start_with_a_broken_file_answers_from_the_last_complete_faq",),
    ),
    Mutant(
        "an older complete FAQ is kept beside the newest",
        "knowledge/last_good.py",
        "            if older != path:",
        "            if False:",
        (f"{LAST_GOOD}::test_the_newest_complete_version_is_the_one_kept",),
    ),
    Mutant(
        "the start from the last complete FAQ is told on every READY",
        "bot/app.py",
        "        fallback, self.fallback = self.fallback, None",
        "        fallback = self.fallback",
        (f"{LAST_GOOD}::test_the_bot_tells_moderators_once_and_answers",),
    ),
    Mutant(
        "rollover-bot run forgets it started from the last complete FAQ",
        "bot/cli/service.py",
        "runner.run(cfg, kb, fallback=fallback)",
        "runner.run(cfg, kb)",
        (f"{LAST_GOOD}::test_rollover_bot_run_starts_from_the_last_complete_faq",),
    ),
    Mutant(
        "the worked example ignores where the question sends the earnings",
        "bot/worked_example.py",
        "    if earnings_go_to_traditional(question):",
        "    if False:",
        (
            "tests/test_calc_audit.py::test_the_worked_example_sends_the_earnings_where_the_question_does",
        ),
    ),
    Mutant(
        "a mention asking for help is matched against the FAQ",
        MENTIONS,
        "            if target is message and asks_for_help(question):",
        "            if False:",
        (f"{E2E}::test_a_mention_asking_for_help_gets_the_help_card",),
    ),
    Mutant(
        "two processes save the last complete FAQ without taking turns",
        "knowledge/last_good.py",
        '        with FileLock(where / "last-good.lock", timeout=LOCK_WAIT_SECONDS, mode=0o600):',
        "        with contextlib.nullcontext():",
        (f"{LAST_GOOD}::test_two_processes_saving_at_once_leave_one_copy",),
    ),
    Mutant(
        "a last complete FAQ that could not be updated is served stale",
        "knowledge/last_good.py",
        "            if stale != path:\n                _drop(stale)",
        "            pass",
        (f"{LAST_GOOD}::test_a_copy_that_cannot_be_updated_is_dropped_not_served_stale",),
    ),
    Mutant(
        "every folder ever loaded keeps its copy",
        "knowledge/last_good.py",
        "            _prune(where)\n",
        "",
        (f"{LAST_GOOD}::test_only_the_most_recently_loaded_folders_keep_a_copy",),
    ),
    Mutant(
        "the kept copy is keyed through links",
        "knowledge/last_good.py",
        "os.fsencode(os.path.abspath(folder))",
        "os.fsencode(folder.resolve())",
        (f"{LAST_GOOD}::test_a_swapped_link_keeps_its_copy",),
    ),
    Mutant(
        "a reload before connecting still tells of the broken start",
        "bot/app.py",
        "            self.fallback = None  # (a reload",
        "            pass  # (a reload",
        (f"{LAST_GOOD}::test_a_reload_before_connecting_cancels_the_note",),
    ),
    Mutant(
        "a misspelt name:value in the console is taken as a value",
        "calculators/typed.py",
        "        found = _NAMED.match(part)",
        "        found = _NAMED.match(part) if '=' in part else None",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "a failed save also drops the copy of what was just loaded",
        "knowledge/last_good.py",
        "            if stale != path:\n                _drop(stale)",
        "            _drop(stale)",
        (f"{LAST_GOOD}::test_a_busy_lock_keeps_the_copy_of_what_was_loaded",),
    ),
    Mutant(
        "a stale copy that cannot be removed is left whole",
        "knowledge/last_good.py",
        "            os.truncate(stale, 0)",
        "            raise",
        (f"{LAST_GOOD}::test_a_stale_copy_that_cannot_be_removed_is_emptied",),
    ),
    Mutant(
        "copies are pruned by age alone",
        "knowledge/last_good.py",
        "    for old in (gone + [p for p in kept if p not in gone])[: len(kept) - KEEP]:",
        "    for old in kept[: len(kept) - KEEP]:",
        (f"{LAST_GOOD}::test_the_copy_of_a_folder_gone_is_pruned_first",),
    ),
    Mutant(
        "a bot's reload keeps no copy",
        "bot/app.py",
        "KnowledgeBase.load, folder, self.settings.matching.tuning(), keep_copy=True",
        "KnowledgeBase.load, folder, self.settings.matching.tuning(), keep_copy=False",
        (f"{LAST_GOOD}::test_a_bots_reload_keeps_what_it_reloaded",),
    ),
    Mutant(
        "every load keeps a copy, a preview too",
        "knowledge/base.py",
        "        if keep_copy:\n            last_good",
        "        if True:\n            last_good",
        (f"{LAST_GOOD}::test_a_look_at_a_folder_keeps_no_copy",),
    ),
    Mutant(
        "an emptied copy counts as the copy",
        "knowledge/last_good.py",
        "            if path.is_file() and path.stat().st_size > 0:",
        "            if path.is_file():",
        (f"{LAST_GOOD}::test_an_emptied_copy_is_written_again_when_its_content_is_loaded",),
    ),
    Mutant(
        "the console takes the next name as an empty name's value",
        "calculators/typed.py",
        "        if not value and rest and not _starts_a_name(rest):",
        "        if not value and rest:",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "a total of the whole plan is taken for the after-tax account's",
        "calculators/from_text.py",
        '        if kind == "total" and _WHOLE_PLAN.search(whole):',
        "        if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "earnings that grew to a figure are taken for a new total",
        "calculators/from_text.py",
        '    return "earnings" if EARNINGS_WORDS.intersection(subject) else "total"',
        '    return "total"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "earnings as large as the basis are worked through",
        "calculators/from_text.py",
        " or basis[0] <= 0 or earnings[0] >= basis[0]:",
        " or basis[0] <= 0:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a refused choice quotes the whole value",
        "calculators/base.py",
        "        text = f\"{shown(err['input'])} is not {err['ctx']['expected']}\"",
        "        text = f\"{err['input']!r} is not {err['ctx']['expected']}\"",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "an edit form is filled from the loaded entry",
        "bot/cogs/faq_admin.py",
        "        entry, problems = parse_entry(path, text)",
        "        entry, problems = self.bot.knowledge.get(entry_id), []",
        (
            "tests/test_moderation_e2e.py::test_an_edit_form_shows_the_file_as_it_is_now_not_as_loaded",
        ),
    ),
    Mutant(
        "a decision written while the reload is refused stays queued",
        "bot/review.py",
        "    recorded = await bot.store.record_review(item.keys, action, entry_id, by,"
        " answered_with)",
        "    recorded = await bot.store.record_review(\n"
        '            () if written and not (await bot.reload_faq("check")).ok else item.keys,\n'
        "            action, entry_id, by, answered_with,\n"
        "    )",
        (
            "tests/test_moderation_e2e.py::test_a_decision_written_while_the_reload_is_refused_leaves_the_queue",
        ),
    ),
    Mutant(
        "a date that does not exist crashes the load",
        "knowledge/frontmatter.py",
        '_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)',
        "pass",
        (
            "tests/test_faq_validation.py::test_a_date_that_does_not_exist_is_a_problem_with_its_line",
        ),
    ),
    Mutant(
        "one failed reload stops the FAQ watcher",
        "bot/cogs/faq_watch.py",
        'FAQ files failed; still watching")\n            return\n',
        'FAQ files failed; still watching")\n            raise\n',
        (
            "tests/test_moderation_e2e.py::test_watcher_keeps_watching_after_a_date_that_does_not_exist_and_a_failed_reload",
        ),
    ),
    Mutant(
        "an entry without examples gets no stand-ins",
        "knowledge/matcher.py",
        "        added = stand_ins(few, examples)",
        "        added = []",
        ("tests/test_matcher.py::test_a_new_entry_is_answered_before_it_has_example_questions",),
    ),
    Mutant(
        "an alias asked word for word is not answered",
        "knowledge/matcher.py",
        "        taught = bool(taught_ids) or best.id == named",
        "        taught = bool(taught_ids)",
        ("tests/test_matcher.py::test_an_alias_asked_word_for_word_is_answered_with_its_entry",),
    ),
    Mutant(
        "Answer with FAQ on a bot's message is not refused",
        "bot/cogs/point.py",
        "        if not from_a_member(message):\n",
        "        if False:\n",
        ("tests/test_bot_e2e.py::test_answer_with_faq_on_the_bots_own_message_is_refused",),
    ),
    Mutant(
        "a double click on Not what I asked apologises",
        "bot/views.py",
        "            except discord.NotFound:\n                return  # (a double click",
        "            except ValueError:\n                return  # (a double click",
        ("tests/test_bot_e2e.py::test_a_double_click_on_not_what_i_asked_does_not_apologise",),
    ),
    Mutant(
        "removing a pointed entry un-tags an answered post",
        "bot/forum_tags.py",
        "            if mine and under_the_post(message, thread) and is_answer(message):",
        "            if False:",
        (
            "tests/test_bot_e2e.py::test_removing_a_pointed_answer_keeps_the_posts_own_answer_tagged",
            "tests/test_bot_e2e.py::test_a_removed_answer_leaves_the_tag_while_another_answers_the_post",
        ),
    ),
    Mutant(
        "a Full answer click waits for the command ids however long",
        "bot/command_mentions.py",
        "        return await asyncio.wait_for(asyncio.shield(lookup), QUICK_SECONDS)",
        "        return await lookup",
        (
            "tests/test_bot_e2e.py::test_full_answer_click_answers_in_time_when_command_ids_are_slow",
        ),
    ),
    Mutant(
        "Answer with FAQ has no rate limit",
        "bot/cogs/point.py",
        '    @app_commands.checks.dynamic_cooldown(per_user("mention_per_minute"), key=user_key)\n',
        "",
        ("tests/test_bot_e2e.py::test_answer_with_faq_is_rate_limited_like_mentions",),
    ),
    Mutant(
        "two entries may share a title",
        "knowledge/loader.py",
        "            elif owner is not None:\n                # Menus",
        "            elif False:\n                # Menus",
        ("tests/test_faq_validation.py::test_two_entries_cannot_share_a_title",),
    ),
    Mutant(
        "an entry under a name no load reads gets the plain notice",
        "knowledge/loader.py",
        '    found = _ID_LINE.search(head) if head.startswith("---") else None',
        "    found = None",
        (
            "tests/test_faq_validation.py::test_an_entry_or_examples_file_saved_where_no_load_reads_it_gets_a_notice_saying_where",
        ),
    ),
    Mutant(
        "a merge conflict in an answer passes",
        "knowledge/frontmatter.py",
        '_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\\|{7})(?: |$)|={7}$)", re.MULTILINE)',
        '_CONFLICT = re.compile(r"\\A(?:(?:<{7}|>{7}|\\|{7})(?: |$)|={7}$)")',
        (
            "tests/test_faq_validation.py::test_a_merge_conflict_left_in_a_file_is_a_problem_at_its_line",
        ),
    ),
    Mutant(
        "the console never reads edited files again",
        "bot/console.py",
        "        note = self.reload() if folder_signature(self.kb.source_dir) != self._files"
        ' else ""',
        '        note = ""',
        ("tests/test_console.py::test_the_console_reads_edited_faq_files_again_as_the_bot_does",),
    ),
    Mutant(
        "field problems in pydantic's own words",
        "knowledge/loader.py",
        '    if kind == "string_type":',
        "    if False:",
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a quoting slip is reported as bad indentation",
        "knowledge/frontmatter.py",
        "            if advice in (_INDENT, _LIST_ITEM) and mark is not None:",
        "            if False:",
        (
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        "another encoding is reported at line 1",
        "knowledge/loader.py",
        '        raw[: exc.start].count(b"\\n") + 1,\n',
        "        1,\n",
        (
            "tests/test_faq_validation.py::test_an_empty_file_a_tab_and_another_encoding_are_said_plainly",
        ),
    ),
    Mutant(
        "the ranking overrules an example of the same text",
        "knowledge/matcher.py",
        "            if hits[0].id not in taught_ids:",
        "            if False:",
        (
            "tests/test_matcher.py::test_an_example_decides_its_own_text_even_where_the_ranking_disagrees",
        ),
    ),
    Mutant(
        "titles stand in where there are no examples at all",
        "knowledge/examples.py",
        "    if not any(example.ids for example in examples) or len(few) > STAND_IN_ENTRIES:",
        "    if len(few) > STAND_IN_ENTRIES:",
        (
            "tests/test_matcher.py::test_titles_stand_in_only_beside_real_examples_and_are_never_fitted_on",
        ),
    ),
    Mutant(
        "stand-ins are fitted on",
        "knowledge/examples.py",
        "    return [j for j, e in enumerate(examples) if not e.stand_in]",
        "    return list(range(len(examples)))",
        (
            "tests/test_matcher.py::test_titles_stand_in_only_beside_real_examples_and_are_never_fitted_on",
        ),
    ),
    Mutant(
        "an entry's first examples replace its title's stand-ins",
        "knowledge/examples.py",
        "STAND_IN_BELOW = 10",
        "STAND_IN_BELOW = 1",
        (
            "tests/test_matcher.py::test_a_new_entry_answers_its_title_before_and_after_its_first_examples",
        ),
    ),
    Mutant(
        "an established entry's alias overrules the ranking",
        "knowledge/matcher.py",
        "        if named is not None and named != hits[0].id and named in self._new:",
        "        if named is not None and named != hits[0].id:",
        (
            "tests/test_matcher.py::test_an_established_entrys_alias_does_not_overrule_a_confident_ranking",
        ),
    ),
    Mutant(
        "an edit form opens on a file with problems",
        "bot/cogs/faq_admin.py",
        "        if entry is None or problems:",
        "        if entry is None:",
        ("tests/test_moderation_e2e.py::test_an_edit_form_is_refused_while_the_file_is_broken",),
    ),
    Mutant(
        "an edit that fixes a clash is refused for it",
        "knowledge/editing.py",
        "    problems = [p for p in scan.own if Path(p.path).name != path.name]",
        "    problems = [p for p in scan.problems if Path(p.path).name != path.name]",
        (
            "tests/test_faq_editing.py::test_the_edit_that_fixes_a_clash_of_titles_is_not_refused_for_it",
        ),
    ),
    Mutant(
        "each slow reply starts a lookup of its own",
        "bot/command_mentions.py",
        "    lookup = running.get(scope)\n    if lookup is None:",
        "    lookup = None\n    if lookup is None:",
        (
            "tests/test_command_mentions.py::test_slow_lookups_are_shared_not_started_once_per_reply",
        ),
    ),
    Mutant(
        "a quote written twice is taken for one closing early",
        "knowledge/frontmatter.py",
        "_CLOSED_EARLY = re.compile(_STARTS + r\"'(?:[^']|'')*'(?!')\\s*[^\\s#:]\")",
        "_CLOSED_EARLY = re.compile(_STARTS + r\"'(?:[^']|'')*'\\s*[^\\s#:]\")",
        (
            "tests/test_faq_validation.py::test_quoting_in_front_matter_is_blamed_only_where_it_is_wrong",
        ),
    ),
    Mutant(
        "a list item's quoting slip is not named",
        "knowledge/frontmatter.py",
        '_STARTS = r"^\\s*(?:-\\s+(?:[\\w-]+:\\s*)?|[\\w-]+:\\s*)"',
        '_STARTS = r"^\\s*(?:-\\s+)?[\\w-]+:\\s*"',
        (
            "tests/test_faq_validation.py::test_quoting_in_front_matter_is_blamed_only_where_it_is_wrong",
        ),
    ),
    Mutant(
        "a copy of an entry is told to be renamed onto it",
        "knowledge/loader.py",
        '    if found and f"{stem}.md" in {p.name for p in path.parent.iterdir()} - {path.name}:',
        "    if False:",
        (
            "tests/test_faq_validation.py::test_a_copy_of_an_entry_or_a_name_with_double_dashes_gets_the_right_notice",
        ),
    ),
    Mutant(
        "an empty value is told to be written as text",
        "knowledge/loader.py",
        '    if err.get("input", "") is None:',
        "    if False:",
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a question mark makes another question",
        "knowledge/examples.py",
        '.casefold().split()).strip(" ?!.")',
        ".casefold().split())",
        ("tests/test_examples.py::test_the_same_question_on_and_off_topic_is_refused",),
    ),
    Mutant(
        "a clash is said only in the later file",
        "knowledge/loader.py",
        "            if owner is not None and owner is not entry and owner.id != entry.id:",
        "            if False:",
        ("tests/test_faq_validation.py::test_two_entries_cannot_share_a_title",),
    ),
    Mutant(
        "a proxied member's message is refused as a bot's",
        "bot/replies.py",
        "    return message.webhook_id is not None and message.interaction_metadata is None\n",
        "    return False\n",
        ("tests/test_bot_e2e.py::test_answer_with_faq_on_a_proxied_members_message_is_offered",),
    ),
    Mutant(
        "a decision on a text is missed with its question mark",
        "knowledge/matcher.py",
        "_taught_key = question_key",
        "_taught_key = lambda text: ' '.join(text.casefold().split())  # noqa: E731",
        ("tests/test_matcher.py::test_an_example_decides_its_own_text_over_a_title_or_alias",),
    ),
    Mutant(
        "titles name no entry in a FAQ without examples",
        "knowledge/matcher.py",
        "        self._new = frozenset(e.id for e in few)",
        "        self._new = frozenset(i for example in added for i in example.ids)",
        (
            "tests/test_matcher.py::test_titles_stand_in_only_beside_real_examples_and_are_never_fitted_on",
        ),
    ),
    Mutant(
        "quotes in block text are blamed",
        "knowledge/frontmatter.py",
        "        if _in_block_text(lines, i):\n            continue\n",
        "",
        (
            "tests/test_faq_validation.py::test_quoting_in_front_matter_is_blamed_only_where_it_is_wrong",
        ),
    ),
    Mutant(
        "validation keeps 401(k) and 401k apart",
        "knowledge/loader.py",
        "_alias_key = phrase_key",
        "_alias_key = str.casefold",
        (
            "tests/test_faq_validation.py::test_aliases_the_matcher_takes_for_one_are_one_for_validation_too",
        ),
    ),
    Mutant(
        "a clash met twice is said twice",
        "knowledge/loader.py",
        "    return list(dict.fromkeys(problems))  # (a clash met twice is said once)",
        "    return problems",
        ("tests/test_faq_validation.py::test_a_clash_met_twice_is_said_once",),
    ),
    Mutant(
        "an edit hears a related id to a broken file as missing",
        "knowledge/editing.py",
        "    cross = check_entries(ordered, broken, {new_entry.path: text})",
        "    cross = check_entries(ordered, unsaved={new_entry.path: text})",
        (
            "tests/test_faq_editing.py::test_an_edit_is_told_other_files_problems_once_and_as_validate_says_them",
        ),
    ),
    Mutant(
        "an empty required field is told to go",
        "knowledge/loader.py",
        "        may_go = bool(loc) and (isinstance(loc[-1], int) or loc[-1] in optional)",
        "        may_go = True",
        ("tests/test_faq_validation.py::test_an_empty_required_field_is_not_told_to_go",),
    ),
    Mutant(
        "a console started from a kept copy never says valid again",
        "bot/console.py",
        "        self._broken = broken",
        "        self._broken = False",
        (
            "tests/test_console.py::test_a_console_started_from_the_last_complete_faq_says_when_the_files_are_valid_again",
        ),
    ),
    Mutant(
        "another bot's slash reply can be pointed at",
        "bot/replies.py",
        "    return message.webhook_id is not None and message.interaction_metadata is None\n",
        "    return message.webhook_id is not None\n",
        ("tests/test_bot_e2e.py::test_another_bots_slash_reply_is_refused",),
    ),
    Mutant(
        "an empty optional field is told to stay",
        "knowledge/loader.py",
        "        may_go = bool(loc) and (isinstance(loc[-1], int) or loc[-1] in optional)",
        "        may_go = bool(loc) and isinstance(loc[-1], int)",
        ("tests/test_faq_validation.py::test_an_empty_optional_field_may_still_be_removed",),
    ),
    Mutant(
        "more-indented block text is blamed",
        "knowledge/frontmatter.py",
        "            return bool(_BLOCK_START.search(line)) or _in_block_text(lines, j)",
        "            return bool(_BLOCK_START.search(line))",
        ("tests/test_faq_validation.py::test_quotes_in_more_indented_block_text_are_not_blamed",),
    ),
    Mutant(
        "401(k) beside 401k in one entry is refused",
        "knowledge/loader.py",
        '                owner = None  # ("401(k)" beside "401k" in one entry: harmless)',
        "                pass",
        (
            "tests/test_faq_validation.py::test_one_entry_may_write_401k_both_ways_but_two_entries_may_not_share_it",
        ),
    ),
    Mutant(
        "Answer with FAQ has no helper check",
        "bot/cogs/point.py",
        "key=user_key)\n    @app_commands.check(helpers_only)\n",
        "key=user_key)\n",
        ("tests/test_bot_e2e.py::test_answer_with_faq_can_be_kept_to_helpers",),
    ),
    Mutant(
        "an updated date to come is let through",
        "knowledge/model.py",
        "    if value > dt.date.today() + dt.timedelta(days=1):",
        "    if value > dt.date.today() + dt.timedelta(days=99):",
        (
            "tests/test_faq_validation.py::test_an_updated_date_still_to_come_is_a_problem_on_its_line",
        ),
    ),
    Mutant(
        "curly quotes get the quote-it advice",
        "knowledge/frontmatter.py",
        '        return line, f"invalid YAML: {CURLY}"',
        "        pass",
        (
            "tests/test_faq_validation.py::test_a_value_in_curly_quotes_or_with_a_colon_is_told_how_to_quote_it",
        ),
    ),
    Mutant(
        "a mapping list item gets the write-it-as-text advice",
        "knowledge/loader.py",
        'return "a colon followed by a space inside the text: put the whole text in quotes"',
        'return "write it as text"',
        (
            "tests/test_faq_validation.py::test_a_value_in_curly_quotes_or_with_a_colon_is_told_how_to_quote_it",
        ),
    ),
    Mutant(
        "a slipped list item is not looked for",
        "knowledge/frontmatter.py",
        '                if listed and not wrapped and lines[i].lstrip().startswith("- "):',
        "                if False:",
        (
            "tests/test_faq_validation.py::test_yaml_that_reads_otherwise_than_meant_is_a_problem_on_its_line",
            "tests/test_faq_validation.py::test_an_examples_file_is_checked_for_the_same_slips",
        ),
    ),
    Mutant(
        "a dash in any text is taken for a slipped item",
        "knowledge/frontmatter.py",
        '                if listed and not wrapped and lines[i].lstrip().startswith("- "):',
        '                if not wrapped and lines[i].lstrip().startswith("- "):',
        ("tests/test_faq_validation.py::test_a_dash_continuing_a_text_under_a_key_is_the_writers",),
    ),
    Mutant(
        "a comment written as meant is a problem",
        "knowledge/frontmatter.py",
        '_COMMENT_AFTER = re.compile(r"\\s+(#\\S+)")',
        '_COMMENT_AFTER = re.compile(r"\\s+(#\\S*)")',
        (
            "tests/test_faq_validation.py::test_yaml_that_reads_otherwise_than_meant_is_a_problem_on_its_line",
            "tests/test_faq_validation.py::test_an_examples_file_is_checked_for_the_same_slips",
        ),
    ),
    Mutant(
        "a related id is looked for from the top",
        "knowledge/loader.py",
        'line_of(entry, rel, "related", lines(entry))',
        "line_of(entry, rel, lines=lines(entry))",
        (
            "tests/test_faq_validation.py::test_an_entry_related_to_itself_is_told_on_the_related_line",
        ),
    ),
    Mutant(
        "an embed limit is told on line 1",
        "knowledge/loader.py",
        "            line = key_line(lines(entry), part) if part else 1",
        "            line = 1",
        ("tests/test_faq_validation.py::test_answers_too_long_for_an_embed",),
    ),
    Mutant(
        "a line without its colon is told on the next",
        "knowledge/frontmatter.py",
        '    "while scanning a simple key",',
        "",
        (
            "tests/test_faq_validation.py::test_a_line_yaml_cannot_read_is_named_itself_not_the_next",
        ),
    ),
    Mutant(
        "a non-breaking space is not named",
        "knowledge/frontmatter.py",
        "            if _NBSP_SLIP.match(_line_at(yaml_text, mark.line - back)):",
        "            if False:",
        (
            "tests/test_faq_validation.py::test_a_line_yaml_cannot_read_is_named_itself_not_the_next",
        ),
    ),
    Mutant(
        "an off-topic example asked word for word is answered",
        "knowledge/matcher.py",
        "        if taught_ids == frozenset():",
        "        if False:",
        ("tests/test_examples.py::test_a_question_taught_off_topic_word_for_word_is_left_alone",),
    ),
    Mutant(
        "a long post loses its end",
        "knowledge/matcher.py",
        '    return f"{text[:head]}\\n{text[len(text) - (limit - head - 1) :]}"',
        "    return text[:limit]",
        (
            "tests/test_matcher.py::test_a_long_story_with_its_question_at_the_end_is_still_answered",
        ),
    ),
    Mutant(
        "a double-counted deduction is not warned about",
        "calculators/form8606.py",
        "    elif inp.deductible and l1 + inp.deductible > most:",
        "    elif False:",
        (
            "tests/test_calc_form8606.py::test_a_deducted_part_given_as_part_of_the_contribution_is_caught_or_explained",
        ),
    ),
    Mutant(
        "unused catch-up over 415(c) goes unsaid",
        "calculators/room.py",
        "    if widened > room_left:",
        "    if False:",
        (
            "tests/test_calc_room.py::test_unused_catch_up_can_take_deferrals_over_415c_and_the_steps_say_so",
        ),
    ),
    Mutant(
        "a catch-up excess is cleared without deferrals to cover it",
        "calculators/room.py",
        "                if absorbable >= over",
        "                if unused >= over",
        (
            "tests/test_calc_room.py::test_unused_catch_up_can_take_deferrals_over_415c_and_the_steps_say_so",
        ),
    ),
    Mutant(
        "the widened room ignores pay",
        "calculators/room.py",
        "        widened = min(widened, max(pay_left, ZERO))",
        "        pass",
        (
            "tests/test_calc_room.py::test_unused_catch_up_can_take_deferrals_over_415c_and_the_steps_say_so",
        ),
    ),
    Mutant(
        "the bot cuts a long post from the start only",
        "bot/answering.py",
        "    asked = within(question, MAX_QUESTION_CHARS)\n",
        "    asked = question[:MAX_QUESTION_CHARS]\n",
        (
            "tests/test_bot_e2e.py::test_a_long_forum_post_that_asks_last_is_matched_on_its_question",
        ),
    ),
    Mutant(
        "a line a writer wrapped is taken for a slipped item",
        "knowledge/frontmatter.py",
        "                wrapped = len(lines[i - 1]) > WRAP_WIDTH",
        "                wrapped = False",
        (
            "tests/test_faq_validation.py::test_what_the_bots_earlier_writer_wrapped_and_comments_after_dates_are_accepted",
        ),
    ),
    Mutant(
        "a comment after a date is a slip",
        "knowledge/frontmatter.py",
        "            if current.tag == _TEXT_TAG and (comment := _COMMENT_AFTER.match(after)):",
        "            if comment := _COMMENT_AFTER.match(after):",
        (
            "tests/test_faq_validation.py::test_what_the_bots_earlier_writer_wrapped_and_comments_after_dates_are_accepted",
        ),
    ),
    Mutant(
        "off-topic example asked: not certain",
        "knowledge/matcher.py",
        '"an off-topic example, word for word", off_topic=100.0',
        '"an off-topic example, word for word", off_topic=0.0',
        ("tests/test_matcher.py::test_the_off_topic_score_is_learned_from_off_topic_examples",),
    ),
    Mutant(
        "off-topic score: only the best probability",
        "knowledge/off_topic.py",
        "    padded[: len(best_two)] = best_two",
        "    padded[:1] = best_two[:1]",
        ("tests/test_matcher.py::test_real_posts_as_discord_shows_them",),
    ),
    Mutant(
        "settings: off-topic threshold not passed on",
        "bot/settings.py",
        "            off_topic_threshold=self.off_topic_threshold,\n",
        "",
        ("tests/test_settings.py::test_environment_overrides_file",),
    ),
    Mutant(
        "sqlite: decided finds nothing",
        "bot/storage/sqlite.py",
        "                found.update(key for (key,) in await db.execute_fetchall(sql, part))",
        "                pass",
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands",),
    ),
    Mutant(
        "postgres: a later decision replaces the first",
        "bot/storage/postgres.py",
        '((md5(key))) DO " + REPLACE_DISMISSAL + " RETURNING key",',
        '((md5(key))) DO UPDATE SET answered_with = excluded.answered_with RETURNING key",',
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands",),
    ),
    Mutant(
        "ask --json: fallback not said",
        "bot/cli/ask.py",
        "data = result_json(result, problem, kb, fallback)",
        "data = result_json(result, problem, kb)",
        ("tests/test_last_good.py::test_ask_warns_on_stderr_and_answers",),
    ),
    Mutant(
        "ask --json: fallback not said (one question)",
        "bot/cli/ask.py",
        "result_json(result, kb=kb, fallback=fallback)",
        "result_json(result, kb=kb)",
        ("tests/test_last_good.py::test_ask_warns_on_stderr_and_answers",),
    ),
    Mutant(
        "off-topic gate: withheld at the threshold too",
        "knowledge/matcher.py",
        "and self.off_topic > off_topic_threshold",
        "and self.off_topic >= off_topic_threshold",
        (
            "tests/test_matcher.py::test_suggestions_offered_unasked_are_withheld_only_above_the_off_topic_threshold",
        ),
    ),
    Mutant(
        "off-topic gate: answered results too",
        "knowledge/matcher.py",
        "            not self.answered\n            and self.off_topic is not None",
        "            self.off_topic is not None",
        (
            "tests/test_matcher.py::test_suggestions_offered_unasked_are_withheld_only_above_the_off_topic_threshold",
        ),
    ),
    Mutant(
        "off-topic gate: unjudged holds back",
        "knowledge/matcher.py",
        "            and self.off_topic is not None\n",
        "            and (self.off_topic or 100) is not None\n",
        (
            "tests/test_matcher.py::test_suggestions_offered_unasked_are_withheld_only_above_the_off_topic_threshold",
        ),
    ),
    Mutant(
        "off-topic gate: never",
        "knowledge/matcher.py",
        "return () if self.looks_off_topic(off_topic_threshold) else self.plausible(threshold)",
        "return self.plausible(threshold)",
        (
            "tests/test_bot_e2e.py::test_a_post_that_looks_off_topic_gets_no_suggestions",
            "tests/test_matcher.py::test_real_posts_as_discord_shows_them",
        ),
    ),
    Mutant(
        "forum posts: offered as if asked",
        "bot/cogs/answers.py",
        "reply = await build_reply(self.bot, question, asker_id=starter.author.id, asked=asked)",
        "reply = await build_reply(self.bot, question, asker_id=starter.author.id)",
        ("tests/test_bot_e2e.py::test_a_forum_posts_menu_offers_what_made_the_bot_reply",),
    ),
    Mutant(
        "asked: gated like forum posts",
        "bot/answering.py",
        "close = plausible(bot, result) if asked or result.answered else unasked(bot, result)",
        "close = unasked(bot, result) if not result.answered else plausible(bot, result)",
        (
            "tests/test_bot_e2e.py::test_a_member_who_asks_gets_the_long_shots_even_when_it_looks_off_topic",
        ),
    ),
    Mutant(
        "off-topic model without off-topic examples",
        "knowledge/off_topic.py",
        "        if self._weights is None:\n            return None",
        "        if self._weights is None:\n            return 0.5",
        ("tests/test_matcher.py::test_the_off_topic_score_is_learned_from_off_topic_examples",),
    ),
    Mutant(
        "settings: unasked threshold not passed on",
        "bot/settings.py",
        "            unasked_threshold=self.unasked_threshold,\n",
        "",
        ("tests/test_settings.py::test_environment_overrides_file",),
    ),
    Mutant(
        "evaluation: decide drops the off-topic score",
        "knowledge/evaluation.py",
        "matcher.suggest(hits[1:]), off_topic=off_topic)",
        "matcher.suggest(hits[1:]))",
        ("tests/test_matcher.py::test_the_evaluations_decisions_are_the_matchers",),
    ),
    Mutant(
        "form8606: no unrounded step for distributions",
        "calculators/form8606.py",
        "    if l7 > 0:\n        steps += _unrounded(",
        "    if False:\n        steps += _unrounded(",
        (
            "tests/test_calc_form8606.py::test_the_unrounded_line_10_figure_is_shown_for_distributions_as_for_conversions",
        ),
    ),
    Mutant(
        "calc: the last of two values wins",
        "bot/cli/__init__.py",
        "        if self.dest in seen:",
        "        if False:",
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "calc: -+5 taken for an option",
        "bot/cli/calc.py",
        '_NEGATIVE_VALUE = re.compile(r"^-(?:[0-9.$,+]|(?i:inf|nan))")',
        '_NEGATIVE_VALUE = re.compile(r"^-(?:[0-9.$,]|(?i:inf|nan))")',
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "calc: -inf taken for an option",
        "bot/cli/calc.py",
        '_NEGATIVE_VALUE = re.compile(r"^-(?:[0-9.$,+]|(?i:inf|nan))")',
        '_NEGATIVE_VALUE = re.compile(r"^-(?:[0-9.$,+]|(?i:nan))")',
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "examples: any source text",
        "knowledge/examples.py",
        "    source: HttpUrl | None = None",
        "    source: str | None = None",
        ("tests/test_faq_validation.py::test_an_examples_source_must_be_a_web_address",),
    ),
    Mutant(
        "review: decisions not one at a time",
        "bot/review.py",
        "    async with bot.review_lock:\n        return await _decide(",
        "    if True:\n        return await _decide(",
        ("tests/test_moderation_e2e.py::test_a_decision_made_while_another_reloads_waits_for_it",),
    ),
    Mutant(
        "review: new entry on a decided question opens the form",
        "bot/review.py",
        "        if decided:  # no form to fill in for nothing",
        "        if False:  # no form to fill in for nothing",
        ("tests/test_moderation_e2e.py::test_new_entry_on_a_stale_view_says_so_and_opens_no_form",),
    ),
    Mutant(
        "new entry: decided meanwhile not said",
        "bot/cogs/faq_admin.py",
        # (Both checks: a question decided has left the queue, so the second, made when
        # it is not there, says it too.)
        "                if await bot.store.decided(self.review_keys):\n"
        "                    return decided_meanwhile\n"
        "                if self.review_item and not await still_kept(bot, self.review_item):\n"
        "                    # (The queue leaves decided questions out too: one decided just now,\n"
        "                    # in another process, is no deleted one.)\n"
        "                    if self.review_keys and await bot.store.decided(self.review_keys):\n",
        "                if self.review_item and not await still_kept(bot, self.review_item):\n"
        "                    if False:\n",
        (
            "tests/test_moderation_e2e.py::test_an_entry_saved_after_someone_decided_its_question_says_so",
        ),
    ),
    Mutant(
        "off-topic training: second best is the best",
        "knowledge/off_topic.py",
        "ranked[np.minimum(starts + 1, len(ranked) - 1)]",
        "ranked[starts]",
        (
            "tests/test_matcher.py::test_the_off_topic_models_training_inputs_are_what_answering_computes",
        ),
    ),
    Mutant(
        "off-topic training: a lone candidate has a second",
        "knowledge/off_topic.py",
        "second = np.where(counts > 1,",
        "second = np.where(counts > 0,",
        (
            "tests/test_matcher.py::test_the_off_topic_models_training_inputs_are_what_answering_computes",
        ),
    ),
    Mutant(
        "review: a pick already written is refused",
        "bot/review.py",
        "            already = True\n",
        '            return f"Not written: {exc}"\n',
        (
            "tests/test_moderation_e2e.py::test_a_pick_already_written_is_recorded_and_a_clashing_one_refused",
        ),
    ),
    Mutant(
        "review: a pick clashing with another entry is recorded",
        "bot/review.py",
        "if exc.path != examples_file(bot.faq_dir, target):",
        "if False:",
        (
            "tests/test_moderation_e2e.py::test_a_pick_already_written_is_recorded_and_a_clashing_one_refused",
        ),
    ),
    Mutant(
        "forum tags: a pointer at the post tags nothing",
        "bot/cogs/point.py",
        'if target.id == getattr(channel, "id", None) and in_watched_forum(bot, channel):',
        "if False:",
        ("tests/test_bot_e2e.py::test_a_forum_post_answered_by_pointing_is_tagged_answered",),
    ),
    Mutant(
        "forum tags: a pointer at a later message tags the post",
        "bot/cogs/point.py",
        'if target.id == getattr(channel, "id", None) and in_watched_forum(bot, channel):',
        "if in_watched_forum(bot, channel):",
        ("tests/test_bot_e2e.py::test_a_forum_post_answered_by_pointing_is_tagged_answered",),
    ),
    Mutant(
        "forum tags: answering keeps needs-human",
        "bot/forum_tags.py",
        "    if len(kept) < len(applied):",
        "    if False:",
        ("tests/test_bot_e2e.py::test_a_forum_post_answered_by_pointing_is_tagged_answered",),
    ),
    Mutant(
        "forum tags: an unsure reply counts as an answer",
        "bot/forum_tags.py",
        'str(getattr(child, "custom_id", "") or "").startswith("rb:miss:")',
        'str(getattr(child, "custom_id", "") or "").startswith("rb:")',
        ("tests/test_bot_e2e.py::test_an_unsure_reply_is_no_answer_when_the_pointed_one_goes",),
    ),
    Mutant(
        "forum tags: a removal never hands the post to people",
        "bot/forum_tags.py",
        "        if await answer_stands(bot, thread) is not True:",
        "        if False:",
        ("tests/test_bot_e2e.py::test_a_forum_post_answered_by_pointing_is_tagged_answered",),
    ),
    Mutant(
        "forum tags: a removal retags in a forum not watched",
        "bot/forum_tags.py",
        "    if not in_watched_forum(bot, thread) or not under_the_post(removed, thread):",
        "    if not under_the_post(removed, thread):",
        ("tests/test_bot_e2e.py::test_a_post_in_a_forum_not_watched_keeps_its_tags",),
    ),
    Mutant(
        "forum tags: a removal reads only the newest messages",
        "bot/forum_tags.py",
        "thread.history(limit=STANDING_LOOK_BACK, oldest_first=True)",
        "thread.history(limit=100)",
        ("tests/test_bot_e2e.py::test_the_posts_own_answer_stands_however_long_the_thread",),
    ),
    Mutant(
        "forum tags: a pointer and a removal interleave",
        "bot/forum_tags.py",
        "    async with _lock(thread.id):\n        # When that",
        "    if True:\n        # When that",
        ("tests/test_bot_e2e.py::test_a_pointer_racing_a_removal_leaves_the_post_answered",),
    ),
    Mutant(
        "forum tags: a pointer trusts the cached tags",
        "bot/forum_tags.py",
        "            if pointed:\n                thread = await",
        "            if False:\n                thread = await",
        ("tests/test_bot_e2e.py::test_a_pointer_reads_the_posts_tags_afresh",),
    ),
    Mutant(
        "forum tags: a removal retags from the cached tags",
        "bot/forum_tags.py",
        "                thread = await bot.fetch_channel(thread.id)  # type: ignore[assignment]\n"
        "            except NETWORK_ERRORS:",
        "                pass\n            except NETWORK_ERRORS:",
        ("tests/test_bot_e2e.py::test_a_removal_retags_from_the_posts_tags_as_they_are",),
    ),
    Mutant(
        "forum tags: an unreadable thread keeps the post answered",
        "bot/forum_tags.py",
        "        if await answer_stands(bot, thread) is not True:",
        "        if await answer_stands(bot, thread) is False:",
        ("tests/test_bot_e2e.py::test_a_thread_the_bot_cannot_read_is_handed_to_people",),
    ),
    Mutant(
        "forum tags: a retag lost on the wire fails the removal",
        "bot/forum_tags.py",
        "        except NETWORK_ERRORS as exc:\n            # Not retried",
        "        except discord.HTTPException as exc:\n            # Not retried",
        ("tests/test_bot_e2e.py::test_a_retag_lost_on_the_wire_still_records_the_miss",),
    ),
    Mutant(
        "forum tags: the bot's own answer takes needs-human off",
        "bot/cogs/answers.py",
        "            tagged = await tag_answered(self.bot, thread)\n",
        "            tagged = await tag_answered(\n"
        "                self.bot, thread, pointed=True, settles_human=True)\n",
        ("tests/test_bot_e2e.py::test_the_bots_own_answer_leaves_a_members_needs_human_tag",),
    ),
    Mutant(
        "forum tags: a pointer needs an answered tag to settle needs-human",
        "bot/forum_tags.py",
        "        settles_human and settings.needs_human_tag.strip()",
        "        False and settings.needs_human_tag.strip()",
        ("tests/test_bot_e2e.py::test_a_pointer_settles_needs_human_without_an_answered_tag",),
    ),
    Mutant(
        "a total before 'of which' is read as the basis",
        "calculators/from_text.py",
        "        if previous and _is_part(previous[2], match, text):",
        "        if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'$500 of that' is not read as a part of the amount before",
        "calculators/from_text.py",
        "    return bool(PART_BEFORE.search(gap) or PART_AFTER.match(text, amount.end()))",
        "    return bool(PART_BEFORE.search(gap))",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a part that is not named, or a loss, is taken out of a total",
        "calculators/from_text.py",
        '            if kind not in ("basis", "earnings") or previous[0] not in (None, "basis"):',
        '            if previous[0] not in (None, "basis"):',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a total of the whole plan with 'of which' is worked through",
        "calculators/from_text.py",
        "            if _WHOLE_PLAN.search(previous[3]):",
        "            if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a line 1 no IRA could take passes silently",
        "calculators/form8606.py",
        "    if l1 > most:",
        "    if False:",
        ("tests/test_calc_form8606.py::test_a_line_1_no_ira_could_take_is_flagged",),
    ),
    Mutant(
        "room above the pay the deferrals leave passes silently",
        "calculators/room.py",
        "    elif pay_left is not None and room_left > pay_left:",
        "    elif False:",
        ("tests/test_calc_room.py::test_pay_left_after_deferrals_caps_what_can_go_in",),
    ),
    Mutant(
        "a bare -1 is told to write 100% or 1%",
        "calculators/parse.py",
        "        if negative:  # (-100% is refused anyway: a loss stays below it)",
        "        if False:",
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "the chart leaves out one conversion per paycheck",
        "calculators/chart.py",
        "    return compare(inp, {*counts, inp.conversions, inp.paychecks})",
        "    return compare(inp, {*counts, inp.conversions})",
        ("tests/test_calc_schedule.py::test_the_chart_has_the_bars_the_text_compares",),
    ),
    Mutant(
        "YAML aliases are walked (and can hang every reload)",
        "knowledge/frontmatter.py",
        "        if node is not None and _repeated_node(node) is not None:",
        "        if False:",
        ("tests/test_faq_validation.py::test_aliases_of_aliases_are_refused_at_once",),
    ),
    Mutant(
        "a value YAML cannot build escapes as Python's error",
        "knowledge/frontmatter.py",
        "        raise _unbuildable(text, offset) from None",
        "        raise",
        (
            "tests/test_faq_validation.py::test_yaml_that_cannot_be_read_as_data_is_a_problem_with_its_line",
        ),
    ),
    Mutant(
        "an added example replaces a file that does not parse",
        "knowledge/editing.py",
        "    if is_empty_list(before):",
        '    if "- " not in before and before.strip():',
        (
            "tests/test_faq_editing.py::test_an_example_added_to_a_file_that_does_not_parse_keeps_its_text",
            "tests/test_faq_editing.py::test_an_example_added_to_an_empty_flow_list_leaves_a_valid_file",
        ),
    ),
    Mutant(
        "a dangling examples link reads as no examples",
        "knowledge/examples.py",
        "        if os.path.lexists(folder):  # a link to a folder that is gone (or a link loop)",
        "        if False:",
        (
            "tests/test_examples.py::test_an_examples_folder_that_cannot_be_read_is_a_problem_not_no_examples",
        ),
    ),
    Mutant(
        "a file named examples reads as no examples",
        "knowledge/examples.py",
        "    except NotADirectoryError:\n"
        "        return [], [Problem(str(folder), 0, _NOT_A_FOLDER)]\n",
        "    except NotADirectoryError:\n        return [], []\n",
        (
            "tests/test_examples.py::test_an_examples_folder_that_cannot_be_read_is_a_problem_not_no_examples",
        ),
    ),
    Mutant(
        "an FAQ folder the bot may not read looks empty",
        "knowledge/loader.py",
        "        markdown = sorted(p for p in faq_dir.iterdir() if p.name.endswith"
        '(".md") and visible(p))',
        '        markdown = sorted(faq_dir.glob("*.md"))',
        ("tests/test_examples.py::test_a_folder_the_bot_may_not_read_is_a_problem",),
    ),
    Mutant(
        "a folder that cannot be written escapes an edit as OSError",
        "knowledge/editing.py",
        "        except OSError as exc:\n            # A read-only or full disk",
        "        except ZeroDivisionError as exc:\n            # A read-only or full disk",
        ("tests/test_faq_editing.py::test_save_entry_that_fails_on_disk_keeps_the_faq_loadable",),
    ),
    Mutant(
        "a full answer reads the FAQ again after awaiting Discord",
        "bot/views.py",
        "        embed=answer_embed(with_mentions(knowledge.layout(entry_id), ids)),",
        "        embed=answer_embed(with_mentions(bot.knowledge.layout(entry_id), ids)),",
        (
            "tests/test_moderation_e2e.py::"
            "test_a_full_answer_click_racing_a_reload_that_removes_the_entry_is_answered",
        ),
    ),
    Mutant(
        "an example item that is a list is explained as a source",
        "knowledge/examples.py",
        '        if not isinstance(raw, str | dict):  # ("- - text: ..." or "- 2026")',
        "        if False:",
        ("tests/test_examples.py::test_a_broken_examples_file_is_reported_with_its_line",),
    ),
    Mutant(
        "an entry file of any size is read",
        "knowledge/loader.py",
        "        if (large := too_large(path, MAX_ENTRY_BYTES)) is not None:",
        "        if (large := None) is not None:",
        ("tests/test_faq_validation.py::test_a_file_too_large_for_an_faq_is_refused_unread",),
    ),
    Mutant(
        "an examples file of any size is read",
        "knowledge/examples.py",
        "or too_large(path, MAX_EXAMPLES_BYTES)):",
        "or None):",
        ("tests/test_faq_validation.py::test_a_file_too_large_for_an_faq_is_refused_unread",),
    ),
    Mutant(
        "the watcher keeps watching the folder a swapped link left",
        "bot/cogs/faq_watch.py",
        "                if _identity(self.bot.faq_dir) != watched:\n                    return\n",
        "",
        (
            "tests/test_moderation_e2e.py::"
            "test_watcher_follows_a_current_link_swapped_to_another_release",
        ),
    ),
    Mutant(
        "a path leading nowhere stops the watcher",
        "bot/cogs/faq_watch.py",
        "                except OSError:  # leads nowhere (yet): a deploy between two folders\n"
        "                    nowhere += 1\n",
        "                except ZeroDivisionError:\n                    nowhere += 1\n",
        (
            "tests/test_moderation_e2e.py::"
            "test_watcher_waits_for_a_release_the_link_points_at_before_it_exists",
        ),
    ),
    Mutant(
        "a swapped-in folder is not loaded until its next edit",
        "bot/cogs/faq_watch.py",
        "                if changes or reload_first or before:",
        "                if changes or before:",
        ("tests/test_moderation_e2e.py::test_watcher_follows_a_folder_swapped_by_renaming",),
    ),
    Mutant(
        "an unforeseen fault in a reload escapes as an apology",
        "bot/app.py",
        "            except Exception as exc:\n                # A fault no check foresaw",
        "            except ZeroDivisionError as exc:\n                # A fault no check foresaw",
        ("tests/test_moderation_e2e.py::test_a_reload_that_fails_unforeseen_is_refused_in_words",),
    ),
    Mutant(
        "a part is looked for across sentences and far from its total",
        "calculators/from_text.py",
        "    if SENTENCES.search(gap) or len(words(gap)) > PART_GAP:\n        return False\n",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an added example takes its file over the size limit",
        "knowledge/editing.py",
        '    if len(after.encode("utf-8")) > MAX_EXAMPLES_BYTES:',
        "    if False:",
        (
            "tests/test_faq_editing.py::test_an_example_that_would_take_a_file_over_the_size_limit_is_refused",
        ),
    ),
    Mutant(
        "an alias is reported at its anchor's line",
        "knowledge/frontmatter.py",
        "            raise FrontMatterError(_first_alias_line(text) + offset, _REPEATED)",
        "            raise FrontMatterError(offset, _REPEATED)",
        (
            "tests/test_faq_validation.py::"
            "test_an_alias_is_reported_where_it_is_not_where_its_anchor_is",
        ),
    ),
    Mutant(
        "a reload fault is logged as files to fix",
        "bot/mod_log.py",
        '    if result.fault is not None:\n        return (\n            f"**FAQ reload failed**',
        '    if False:\n        return (\n            f"**FAQ reload failed**',
        (
            "tests/test_mod_log.py::test_a_reload_that_failed_on_a_fault_says_so_and_asks_no_file_fix",
        ),
    ),
    Mutant(
        "a minus sign against the earnings is dropped",
        "calculators/from_text.py",
        "            value = -value\n",
        "            pass\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a negative basis is worked through as a positive one",
        "calculators/from_text.py",
        '            if kind != "earnings" or (sign and sign_after):',
        "            if sign and sign_after:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a required value or a number out of range is offered as skippable",
        "calculators/catalog.py",
        " or not self._optional_choice(field):",
        ":",
        ("tests/test_console.py::test_a_value_in_the_wrong_place_is_told_where_it_fits",),
    ),
    Mutant(
        "a named value is told to move",
        "calculators/catalog.py",
        "            if field not in self.params[: len(positional)]",
        "            if field not in self.params",
        ("tests/test_console.py::test_a_value_in_the_wrong_place_is_told_where_it_fits",),
    ),
    Mutant(
        "a later field is suggested whether or not the value fits it",
        "calculators/catalog.py",
        "                TypeAdapter(kind).validate_python(value)\n",
        "                pass\n",
        ("tests/test_console.py::test_a_value_in_the_wrong_place_is_told_where_it_fits",),
    ),
    Mutant(
        "Worksheet 1-1 leaves lines 4 and 5 blank",
        "calculators/form8606.py",
        "        line4=l4, line5=l5, line13=l13,",
        "        line13=l13,",
        (
            "tests/test_calc_form8606.py::"
            "test_a_deducted_part_given_as_part_of_the_contribution_is_caught_or_explained",
        ),
    ),
    Mutant(
        "a transition year's Roth catch-up rule is stated as in force",
        "calculators/room.py",
        "    if threshold is not None and limits.roth_catch_up_enforced:",
        "    if threshold is not None:",
        ("tests/test_calc_room.py::test_roth_catch_up_threshold_and_secondary_figures",),
    ),
    Mutant(
        "a loss's side-by-side option shows the basis reaching the Roth IRA",
        "calculators/split.py",
        "        roth_ira=gross,\n",
        "        roth_ira=basis + gain,\n",
        ("tests/test_calc_split.py::test_market_loss_is_all_nontaxable",),
    ),
    Mutant(
        "the box 2a caution is given with no earnings in the Roth IRA",
        "calculators/split.py",
        '        if taxable > 0\n        else ""',
        '        if True\n        else ""',
        ("tests/test_calc_split.py::test_market_loss_is_all_nontaxable",),
    ),
    Mutant(
        "a percentage or per-period amount is worked through as dollars",
        "calculators/amount_doubts.py",
        "    if _QUALIFIED_AFTER.match(text, end) or _QUALIFIED_BEFORE.search(near):",
        "    if _QUALIFIED_BEFORE.search(near):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a bound or multiple before an amount is ignored",
        "calculators/amount_doubts.py",
        "    if _QUALIFIED_AFTER.match(text, end) or _QUALIFIED_BEFORE.search(near):",
        "    if _QUALIFIED_AFTER.match(text, end):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a yearly amount is taken for the account's total",
        "calculators/amount_doubts.py",
        '    if _PER_PERIOD.search(" ".join(near)):',
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "earnings 'in the red' are worked through as a gain",
        "calculators/amount_doubts.py",
        '    if kind in ("earnings", "loss") and _TURNED_AFTER.intersection(said_after[:3]):',
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a loss and a gain for one figure are worked through",
        "calculators/amount_doubts.py",
        "    if LOSS_WORDS.intersection(window) and EARNINGS_WORDS.intersection(window):",
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'$23,000 Roth' is taken for after-tax basis",
        "calculators/amount_doubts.py",
        '(said_after[:1] == ["roth"] or bool(_ROTH_SOURCE.search(sentence)))',
        "bool(_ROTH_SOURCE.search(sentence))",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "another currency or a partial rollover is worked through",
        "calculators/amount_doubts.py",
        "    if _OTHER_CURRENCY.search(text) or _PARTIAL.search(text) or _CORRECTED.search(text):",
        "    if _CORRECTED.search(text):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "Roth 401(k) money is taken for after-tax basis",
        "calculators/amount_doubts.py",
        "    other = _ROTH_SOURCE.search(text) or _NO_BASIS_ACCOUNT.search(text)",
        "    other = _NO_BASIS_ACCOUNT.search(text)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a total against its verb's direction is worked through",
        "calculators/from_text.py",
        "        if rising is not None and rising != (totals[0] > basis[0]):",
        "        if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'rather than' the earnings to a traditional IRA sends them there",
        "calculators/from_text.py",
        'NEGATING_PAIRS = frozenset({("rather", "than"), ("instead", "of")})',
        "NEGATING_PAIRS: frozenset[tuple[str, str]] = frozenset()",
        ("tests/test_calc_audit.py::test_where_a_question_sends_the_earnings",),
    ),
    Mutant(
        "the console takes the last of a value named twice",
        "calculators/typed.py",
        "        if key in named:",
        "        if False:",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "faq stats leaves out the entries nobody was given",
        "bot/storage/reports.py",
        "    return sorted([*rows, *unserved], key=_worst_first)",
        "    return rows",
        ("tests/test_storage.py::test_cli_stats_table_and_json",),
    ),
    Mutant(
        "faq stats takes a mistyped --faq-dir for a FAQ with no entries",
        "bot/cli/faq.py",
        "    if args.faq_dir is not None:\n        require_folder(Path(args.faq_dir))\n",
        "    if False:\n        require_folder(Path(args.faq_dir))\n",
        ("tests/test_storage.py::test_cli_stats_table_and_json",),
    ),
    Mutant(
        "moderator reports print a post's control characters as they are",
        "bot/cli/faq.py",
        '    return ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")',
        "    return ch",
        ("tests/test_storage.py::test_cli_reports_escape_control_characters_from_discord",),
    ),
    Mutant(
        "form8606 warns of a balance that left line 10 at 1.000",
        "calculators/form8606.py",
        "    if l6 > 0 and l5 > 0 and (l8 > 0 or l7 > 0) and l10 < 1:",
        "    if l6 > 0 and l5 > 0 and (l8 > 0 or l7 > 0):",
        (
            "tests/test_calc_form8606.py::"
            "test_the_balance_warning_only_when_the_balance_makes_part_taxable",
        ),
    ),
    Mutant(
        "a full disk is reported as an internal fault",
        "bot/cli/__init__.py",
        "    if exc.errno not in _NO_ROOM and not isinstance(exc, _OutputClosed):",
        "    if True:",
        ("tests/test_calc_cli.py::test_a_full_disk_is_one_error_line_not_a_traceback",),
    ),
    Mutant(
        "an empty --faq-dir is read as the current folder",
        "bot/cli/common.py",
        "    if not text.strip():",
        "    if False:",
        ("tests/test_faq_validation.py::test_cli_validate_a_file_or_an_empty_folder_name",),
    ),
    Mutant(
        "sync takes a server id no server can have",
        "bot/cli/service.py",
        "    if not (digits.isascii() and digits.isdigit()) or not 0 < int(digits) < 2**64:",
        '    if not digits.lstrip("-").isdigit():',
        ("tests/test_bot_e2e.py::test_sync_print_shows_the_payload_without_a_token",),
    ),
    Mutant(
        "a share too small for 6 places is written as 0",
        "calculators/money.py",
        "    if value > 0 and places(value, n) == 0:",
        "    if False:",
        ("tests/test_calc_prorata.py::test_a_share_too_small_to_show_is_not_written_as_zero",),
    ),
    Mutant(
        "a step that would overflow the description is squeezed in anyway",
        "bot/embeds.py",
        "        if len(joined) > limit and (i > 0 or text):",
        "        if len(joined) > limit + 400 and (i > 0 or text):",
        ("tests/test_bot_e2e.py::test_long_working_is_shown_whole_in_continued_fields",),
    ),
    Mutant(
        "a dash before an amount that is not its sign is ignored",
        "calculators/amount_doubts.py",
        "    dashed = not signed and _DASH_BEFORE.search(near) and not _BULLET.search(last_line)",
        "    dashed = False",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a list's bullet dash is taken for a minus sign",
        "calculators/amount_doubts.py",
        "    dashed = not signed and _DASH_BEFORE.search(near) and not _BULLET.search(last_line)",
        "    dashed = not signed and _DASH_BEFORE.search(near)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'rolled over $10,000' is taken for a bound",
        "calculators/amount_doubts.py",
        '    return not (said_before[-1] == "over" and',
        "    return not (False and",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an amount named only as moved is ignored",
        "calculators/from_text.py",
        "    if moved:\n",
        "    if False:\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a buffered write to a full disk fails at exit, past the error handling",
        "bot/cli/__init__.py",
        "        sys.stdout.flush()  # a write that fails (a full disk) fails here, not at exit\n",
        "",
        ("tests/test_calc_cli.py::test_a_full_disk_is_one_error_line_not_a_traceback",),
    ),
    Mutant(
        "a long report line is cut inside an escape",
        "bot/cli/faq.py",
        "        if used + len(part) > width - 1:",
        "        if used > width - 1:",
        ("tests/test_storage.py::test_cli_reports_escape_control_characters_from_discord",),
    ),
    Mutant(
        "faq stats without a database takes a mistyped --faq-dir",
        "bot/cli/faq.py",
        "    titles = entry_titles(args)  # (first:",
        "    titles = {}  # (first:",
        ("tests/test_storage.py::test_cli_stats_table_and_json",),
    ),
    Mutant(
        "a period anywhere in the sentence makes its amounts per period",
        "calculators/amount_doubts.py",
        '    if _PER_PERIOD.search(" ".join(near)):',
        "    if _PER_PERIOD.search(sentence):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "schedule names the later 10% tax even with nothing taxable",
        "calculators/schedule.py",
        '    if taxable > 0:\n        steps.append(\n            "The 10% additional tax',
        '    if True:\n        steps.append(\n            "The 10% additional tax',
        (
            "tests/test_calc_schedule.py::"
            "test_the_later_10_percent_tax_is_named_when_there_are_taxable_earnings",
        ),
    ),
    Mutant(
        "an amount in brackets is taken as plain",
        "calculators/amount_doubts.py",
        '    if before.endswith("("):',
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a period a few words after the amount is missed",
        "calculators/amount_doubts.py",
        "words(text[end:stop])[:PERIOD_REACH]",
        "words(text[end:stop])[:WINDOW]",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a plan's total stated after the amount is taken for the account's",
        "calculators/from_text.py",
        '        if kind == "total" and _WHOLE_PLAN.search(whole):',
        '        if kind == "total" and _WHOLE_PLAN.search(sentence):',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an edit rewrites the fields it left as well",
        "knowledge/revise.py",
        "            continue  # unchanged: left exactly as written",
        "            pass",
        (
            "tests/test_faq_editing.py::test_an_edit_from_discord_keeps_the_files_comments_and_the_fields_it_left",
        ),
    ),
    Mutant(
        "the note after an edited list is lost",
        "knowledge/revise.py",
        "            follow = parts[-1][1]",
        '            follow = ""',
        (
            "tests/test_faq_editing.py::test_an_edit_from_discord_keeps_the_files_comments_and_the_fields_it_left",
        ),
    ),
    Mutant(
        "an alias added from Discord rewrites the front matter afresh",
        "bot/cogs/faq_admin.py",
        "    return edited_file(text, dict(parsed.data), changes, parsed.body)",
        "    return edited_file(None, dict(parsed.data), changes, parsed.body)",
        (
            "tests/test_moderation_e2e.py::test_edits_from_discord_keep_the_moderators_notes_in_the_file",
        ),
    ),
    Mutant(
        "a short answer the round trip cannot write crashes the edit",
        "knowledge/revise.py",
        "    except Exception as exc:\n        # Not only YAMLError",
        "    except YAMLError as exc:\n        # Not only YAMLError",
        (
            "tests/test_faq_editing.py::test_control_characters_in_a_new_short_answer_are_saved_not_a_crash",
        ),
    ),
    Mutant(
        "Manage Server in any server the bot is in makes an FAQ moderator",
        "bot/roles.py",
        "if user.guild_permissions.manage_guild and user.guild.id in home_guild_ids(bot):",
        "if user.guild_permissions.manage_guild:",
        (f"{MODERATION}::test_managing_another_server_is_not_managing_this_faq",),
    ),
    Mutant(
        "an open form saves after its moderator lost the role",
        "bot/cogs/faq_admin.py",
        "            if not is_moderator(self.cog.bot, interaction.user):\n"
        "                await give_back(",
        "            if False:\n                await give_back(",
        (f"{MODERATION}::test_an_open_form_saves_nothing_once_its_moderator_lost_the_role",),
    ),
    Mutant(
        "menu picks have no limit",
        "bot/views.py",
        "            if not window.allow():\n                from bot.cogs.errors",
        "            if False:\n                from bot.cogs.errors",
        (f"{E2E}::test_the_menus_private_answers_give_one_vote_and_keep_the_ask_limit",),
    ),
    Mutant(
        "a long edit's diff is cut across two messages",
        "bot/mod_log.py",
        '        if len(code_block("\\n".join([*kept, line]))) > MESSAGE_LIMIT - 400:',
        '        if len(code_block("\\n".join([*kept, line]))) > 10**9:',
        ("tests/test_mod_log.py::test_a_long_edit_is_one_message_with_its_diff_in_one_block",),
    ),
    Mutant(
        "picks sent together on one picker each post",
        "bot/cogs/point.py",
        "and not cog.pickers.claim(picker):",
        "and not (cog.pickers.claim(picker) or True):",
        (f"{E2E}::test_one_picker_posts_once_and_only_for_a_helper",),
    ),
    Mutant(
        "a picker posts for a helper who lost the role",
        "bot/cogs/point.py",
        "            if not is_helper(bot, interaction.user):  # (a helper role may be gone since)",
        "            if False:",
        (f"{E2E}::test_one_picker_posts_once_and_only_for_a_helper",),
    ),
    Mutant(
        "the caches of what members type are never emptied",
        "knowledge/text_budget.py",
        "        if _spent < BUDGET:",
        "        if True:",
        (
            "tests/test_matcher_cache.py::test_caches_of_what_members_type_are_emptied_as_their_text_adds_up",
        ),
    ),
    Mutant(
        "a word no known word can match is kept",
        "knowledge/typos.py",
        "            if not self._worth_a_look(word):\n                return None",
        "            if False:\n                return None",
        (
            "tests/test_matcher_cache.py::test_a_word_no_known_word_can_match_is_neither_looked_up_nor_kept",
        ),
    ),
    Mutant(
        "forum tags: any member's pointer takes needs-human off",
        "bot/roles.py",
        "    if user.id == author_id or is_moderator(bot, user):",
        "    if True:",
        (f"{E2E}::test_only_who_speaks_for_people_takes_needs_human_off_by_pointing",),
    ),
    Mutant(
        "/faq user: pings the member every time",
        "bot/cogs/ask.py",
        "            ping = self.pinged.get(user.id).allow()",
        "            ping = True",
        (f"{E2E}::test_faq_for_a_member_pings_them_once_in_a_while_whoever_asks",),
    ),
    Mutant(
        "a sharded process takes a stranger's only server for home",
        "bot/roles.py",
        "settings.shard_count is None and len(bot.guilds) == 1:",
        "len(bot.guilds) == 1:",
        (
            f"{MODERATION}::test_a_shard_process_holding_only_a_strangers_server_makes_no_admin_of_it",
        ),
    ),
    Mutant(
        "a server's own admins cannot remove the bot's answer there",
        "bot/views.py",
        "                or interaction.permissions.manage_messages\n",
        "",
        (f"{E2E}::test_a_servers_own_admins_can_remove_the_bots_answer_there",),
    ),
    Mutant(
        "members' long words fill the n-gram cache",
        "knowledge/ranker.py",
        "            grams = _word_ngrams.__wrapped__(word, *CHAR_NGRAMS)",
        "            grams = _word_ngrams(word, *CHAR_NGRAMS)",
        (
            "tests/test_matcher_cache.py::test_a_members_long_words_leave_no_character_ngrams_behind",
        ),
    ),
    Mutant(
        "a pick Discord did not take keeps the picker claimed",
        "bot/cogs/point.py",
        "                    cog.pickers.release(picker)\n",
        "                    pass\n",
        (f"{E2E}::test_a_pick_discord_did_not_take_leaves_the_picker_usable",),
    ),
    Mutant(
        "calc schedule --chart replaces any file",
        "bot/cli/calc.py",
        "    if head == _PNG_SIGNATURE:\n",
        "    if True:\n",
        ("tests/test_calc_cli.py::test_the_chart_never_replaces_a_file_that_is_not_a_chart",),
    ),
    Mutant(
        "the picker lists only the first 25 entries",
        "bot/cogs/point.py",
        "    return entry_menus(kb, guesses, menus=MENUS, marked=guesses)\n",
        "    return entry_menus(kb, guesses, menus=1, marked=guesses)\n",
        (f"{E2E}::test_the_picker_lists_every_entry_of_a_faq_larger_than_one_menu",),
    ),
    Mutant(
        "the review lists only the first 25 entries",
        "bot/review.py",
        "    return entry_menus(bot.knowledge, first + guesses, menus=MENUS)\n",
        "    return entry_menus(bot.knowledge, first + guesses, menus=1)\n",
        (f"{MODERATION}::test_every_entry_of_a_faq_larger_than_one_menu_can_be_picked_in_review",),
    ),
    Mutant(
        "a reload names every changed entry, past Discord's limit",
        "knowledge/editing.py",
        "            named = ids if most is None else ids[:most]\n",
        "            named = ids\n",
        (f"{MODERATION}::test_a_reload_that_changes_many_entries_says_so_in_one_message",),
    ),
    Mutant(
        "the edit form fills the full answer unstripped",
        "bot/cogs/faq_admin.py",
        "            default=body.strip() or None,\n",
        "            default=body or None,\n",
        (f"{MODERATION}::test_the_edit_form_fits_a_valid_full_answer_that_ends_in_spaces",),
    ),
    Mutant(
        "not what I asked on a forum answer reviews the post without its title",
        "bot/replies.py",
        "        return strip_mentions(post_question(channel, message))\n",
        "        return strip_mentions(message.content)\n",
        (f"{MODERATION}::test_not_what_i_asked_puts_the_question_in_the_review_queue",),
    ),
    Mutant(
        "/ask tells an off-topic question to rephrase",
        "bot/answering.py",
        "    outside = result.looks_off_topic(bot.settings.matching.off_topic_threshold)\n",
        "    outside = False\n",
        (f"{E2E}::test_ask_outside_the_faq_says_what_it_covers",),
    ),
    Mutant(
        "the command line tells an off-topic question to rephrase",
        "bot/cli/ask.py",
        "        outside = result.looks_off_topic(tuning.off_topic_threshold)\n",
        "        outside = False\n",
        (
            "tests/test_cli_ask.py::test_a_question_outside_the_faq_is_told_so_not_asked_to_rephrase",
        ),
    ),
    Mutant(
        "the review pager gets new ids with every item",
        "bot/review.py",
        "row=len(menus), custom_id=PAGER_IDS.get(label)",
        "row=len(menus), custom_id=None",
        (f"{MODERATION}::test_a_quick_second_click_on_the_review_pager_pages_again",),
    ),
    Mutant(
        "the close matches menu offers an answer already shown",
        "bot/answering.py",
        "        close = tuple(hit for hit in close if hit.id not in shown)\n",
        "",
        (f"{E2E}::test_the_close_matches_menu_leaves_out_the_answers_already_shown",),
    ),
    Mutant(
        "a listed title is cut after escaping it",
        "bot/embeds.py",
        "    return neutralize(clipped(title, limit))\n",
        "    return neutralize(title)[:limit]\n",
        (f"{MODERATION}::test_a_listed_title_is_cut_before_it_is_escaped",),
    ),
    Mutant(
        "an example worded as another entry's title passes unremarked",
        "knowledge/base.py",
        "    notices = scan.notices + repeats + name_clashes(scan.entries, examples)\n",
        "    notices = scan.notices + repeats\n",
        ("tests/test_examples.py::test_an_example_worded_as_another_entrys_title_is_a_notice",),
    ),
    Mutant(
        "an example worded as its own entry's alias is a notice",
        "knowledge/examples.py",
        "        if owner is None or owner[0] in example.ids:\n",
        "        if owner is None:\n",
        ("tests/test_examples.py::test_an_example_worded_as_another_entrys_title_is_a_notice",),
    ),
    Mutant(
        "schedule: no word on more than a plan takes in a year",
        "calculators/schedule.py",
        "    if annual <= limits.annual_additions_415c:\n",
        "    if True:\n",
        (
            "tests/test_calc_schedule.py::test_more_than_a_plan_takes_in_a_year_is_warned_about_and_worked_out",
        ),
    ),
    Mutant(
        "schedule: the 415(c) limit itself warned about",
        "calculators/schedule.py",
        "    if annual <= limits.annual_additions_415c:\n",
        "    if annual < limits.annual_additions_415c:\n",
        (
            "tests/test_calc_schedule.py::test_more_than_a_plan_takes_in_a_year_is_warned_about_and_worked_out",
        ),
    ),
    Mutant(
        "console: a paste keeps its marks",
        "bot/console.py",
        '    return text.replace(PASTE_START, "").replace(PASTE_END, "")\n',
        "    return text\n",
        ("tests/test_console.py::test_two_pastes_before_enter_are_one_entry_without_their_marks",),
    ),
    Mutant(
        "console: the terminal left in bracketed paste mode",
        "bot/console.py",
        '            print(PASTE_OFF, end="", file=stdout, flush=True)\n',
        "            pass\n",
        ("tests/test_console.py::test_a_pasted_post_is_one_question_not_one_per_line",),
    ),
    Mutant(
        "room: '$0.00 of $0.00' catch-up before 50",
        "calculators/room.py",
        "        if not self.catch_up_limit:",
        "        if False:",
        ("tests/test_calc_room.py::test_the_summary_says_there_is_no_catch_up_before_50",),
    ),
    Mutant(
        "ask: a batch's empty line told to use quotes",
        "bot/cli/ask.py",
        '("; type your question in quotes" if typed else "")',
        '"; type your question in quotes"',
        ("tests/test_cli_ask.py::test_batch_mode_keeps_order_and_reports_bad_lines",),
    ),
    Mutant(
        "console: 'split 1000 5' matched as a question",
        "bot/console.py",
        " in CALCULATORS and len(words) > 1 and all_values(words[1:]):\n",
        " in CALCULATORS and False:\n",
        ("tests/test_console.py::test_a_calculator_typed_without_its_slash_is_pointed_at_it",),
    ),
    Mutant(
        "console: any line starting 'split' taken for the calculator",
        "bot/console.py",
        " in CALCULATORS and len(words) > 1 and all_values(words[1:]):\n",
        " in CALCULATORS and len(words) > 1 and all_values(words[1:2]):\n",
        ("tests/test_console.py::test_a_calculator_typed_without_its_slash_is_pointed_at_it",),
    ),
    Mutant(
        "faq show --short prints the full answer",
        "bot/cli/faq.py",
        "kb.short(entry.id) if args.short else kb.layout(entry.id)",
        "kb.layout(entry.id)",
        ("tests/test_faq_validation.py::test_faq_show_short_prints_the_reply_discord_posts_first",),
    ),
    Mutant(
        "a key twice in a source item loses the first source silently",
        "knowledge/frontmatter.py",
        "        if twice := _twice_in_an_item(node):\n",
        "        if twice := None:\n",
        ("tests/test_faq_validation.py::test_a_key_twice_in_one_source_item_is_explained",),
    ),
    Mutant(
        "an edit rewrites a Windows file with line feeds",
        "knowledge/editing.py",
        '    return ("\\r\\n" if b"\\r\\n" in raw else "\\n"), mark\n',
        '    return "\\n", mark\n',
        (
            "tests/test_faq_editing.py::test_edits_keep_a_windows_files_line_ends_and_byte_order_mark",
        ),
    ),
    Mutant(
        "an edit drops a file's byte order mark",
        "knowledge/editing.py",
        '    mark = _BOM if raw.startswith(_BOM.encode()) else ""\n',
        '    mark = ""\n',
        (
            "tests/test_faq_editing.py::test_edits_keep_a_windows_files_line_ends_and_byte_order_mark",
        ),
    ),
    Mutant(
        "a taught example drops the first comment of a file with a byte order mark",
        "knowledge/editing.py",
        "        lines = before.removeprefix(_BOM).splitlines(True)\n",
        "        lines = before.splitlines(True)\n",
        (
            "tests/test_faq_editing.py::test_edits_keep_a_windows_files_line_ends_and_byte_order_mark",
        ),
    ),
    Mutant(
        "console: two pastes before Enter split in two",
        "bot/console.py",
        "    while text.count(PASTE_START) > text.count(PASTE_END):\n",
        "    while PASTE_START in text and PASTE_END not in text:\n",
        ("tests/test_console.py::test_two_pastes_before_enter_are_one_entry_without_their_marks",),
    ),
    Mutant(
        "console: a pasted post answered line by line",
        "bot/console.py",
        "    while text.count(PASTE_START) > text.count(PASTE_END):\n",
        "    while False:\n",
        ("tests/test_console.py::test_a_pasted_post_is_one_question_not_one_per_line",),
    ),
    Mutant(
        "console: a paste's marks echoed as ^[[200~",
        "bot/console.py",
        "        after[3] &= ~termios.ECHOCTL\n",
        "",
        (
            "tests/test_console.py::test_a_paste_in_a_terminal_shows_no_marks_and_the_terminal_is_given_back",
        ),
    ),
    Mutant(
        "console: the terminal's echo not given back",
        "bot/console.py",
        "    return lambda: termios.tcsetattr(fd, termios.TCSANOW, before)\n",
        "    return lambda: None\n",
        (
            "tests/test_console.py::test_a_paste_in_a_terminal_shows_no_marks_and_the_terminal_is_given_back",
        ),
    ),
    Mutant(
        "calc schedule --chart refuses an empty file",
        "bot/cli/calc.py",
        "        if not path.is_file() or path.stat().st_size == 0:\n",
        "        if not path.is_file():\n",
        ("tests/test_calc_cli.py::test_the_chart_never_replaces_a_file_that_is_not_a_chart",),
    ),
    Mutant(
        "console: a reload names ten changed entries",
        "bot/console.py",
        "        said = diff.summary(most=None) if diff.anything",
        "        said = diff.summary() if diff.anything",
        ("tests/test_console.py::test_a_reload_in_the_console_names_every_changed_entry",),
    ),
    Mutant(
        "a backup loses the file's byte order mark and line ends",
        "knowledge/editing.py",
        "        shutil.copyfile(path, backup)\n",
        "        atomic_write(backup, current)\n",
        (
            "tests/test_faq_editing.py::test_edits_keep_a_windows_files_line_ends_and_byte_order_mark",
        ),
    ),
    Mutant(
        "a retry edits a closed post owed only its tag (Discord refuses it)",
        "bot/cogs/answers.py",
        '        if closed(thread):\n            log.info("forum post %s was locked or closed: its',
        '        if False:\n            log.info("forum post %s was locked or closed: its',
        (
            "tests/test_faults_e2e.py::test_a_post_locked_or_closed_while_its_answer_was_owed_is_left_alone",
            "tests/test_faults_e2e.py::test_a_post_closed_while_owed_only_its_tag_is_not_edited",
        ),
    ),
    Mutant(
        "a retry posts again an answer the asker removed",
        "bot/views.py",
        '        await bot.store.settle_reply("post", channel.id)',
        "        pass",
        (
            "tests/test_faults_e2e.py::test_an_answer_the_asker_removed_is_not_posted_again_by_its_retry",
        ),
    ),
    Mutant(
        "a mention's own question in a reply to a remark answers the remark",
        MENTIONS,
        "        if own and first.answered:\n",
        "        if False:\n",
        (
            f"{E2E}::test_a_mention_asking_its_own_question_in_a_reply_to_a_remark_answers_it",
            f"{E2E}::test_a_mention_answers_the_members_own_question_not_what_it_quotes_or_replies_to",
        ),
    ),
    Mutant(
        "a mention edited into a question is never answered",
        "bot/cogs/answers.py",
        "        await self.answer_mention(message, claim=edited_in(message.id) if watched_post "
        "else None)\n",
        "        return\n",
        (f"{E2E}::test_a_mention_edited_into_a_question_is_answered_once",),
    ),
    Mutant(
        "validation says nothing of a figure that is none of its year's limits",
        "knowledge/base.py",
        "    notices += figure_notices(scan.entries) + too_few_to_learn(folder, examples)\n",
        "    notices += too_few_to_learn(folder, examples)\n",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "figures on a line that starts with its year go unchecked",
        "knowledge/figures.py",
        "    for line in _YEAR_LINE.finditer(text):\n",
        '    for line in _YEAR_LINE.finditer(""):\n',
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "a figure for a year the table does not cover gets a notice",
        "knowledge/figures.py",
        "if year not in figures or amount in figures[year] or",
        "if amount in figures.get(year, ()) or",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "a figure wrapped over two lines is placed on the field's first line",
        "knowledge/figures.py",
        "    for needle in (written, figure.group(0) if figure else written):\n",
        "    for needle in (written,):\n",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "a short answer's figure is placed where the body says the same",
        "knowledge/figures.py",
        '(key_line(lines, "short"), body) if field == "short" else',
        "(1, body) if False else",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "an edit from Discord with a wrong figure for a year is saved without a word",
        "bot/cogs/faq_admin.py",
        "        checks = await asyncio.to_thread(_figure_checks, folder, entry_id, text)\n",
        '        checks = ""\n',
        (
            f"{MODERATION}::test_an_edit_that_gives_a_wrong_figure_for_a_year_is_saved_with_a_warning",
        ),
    ),
    Mutant(
        "a ten-digit year is called not a whole number",
        "calculators/parse.py",
        "    if len(body) > 9:  # (no count or year here has more than a few digits)\n",
        "    if False:\n",
        (
            "tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2"
            "[a-year-of-ten-digits-is-too-large-not-a-fraction]",
        ),
    ),
    Mutant(
        "a split warning tells Discord and console users to run a command-line command",
        "calculators/split.py",
        "The form8606 calculator shows the effect.",
        "Run 'calc form8606' to see the effect.",
        ("tests/test_calc_cli.py::test_calculator_text_names_no_command_line_command",),
    ),
    Mutant(
        "'1 000' is read as two values",
        "calculators/catalog.py",
        "        _no_spaced_thousands(positional)\n",
        "",
        ("tests/test_console.py::test_an_amount_with_a_space_for_its_thousands_is_told_so",),
    ),
    Mutant(
        "any number of example questions goes on to training",
        "knowledge/examples.py",
        "    if len(examples) > MAX_EXAMPLES:\n",
        "    if False:\n",
        (
            "tests/test_examples.py::"
            "test_more_example_questions_than_training_can_hold_are_refused_before_training",
        ),
    ),
    Mutant(
        "an editor's lock file in examples/ takes the FAQ down",
        "knowledge/examples.py",
        ' and not p.name.startswith(".")',
        "",
        (
            "tests/test_examples.py::test_an_editors_hidden_files_in_the_examples_folder_are_not_read",
        ),
    ),
    Mutant(
        "a phone's curly apostrophe makes another question of an example",
        "knowledge/examples.py",
        "as_written(text).translate(_STRAIGHT_QUOTES).casefold()",
        "as_written(text).casefold()",
        (
            "tests/test_examples.py::test_the_same_question_on_and_off_topic_is_refused",
            "tests/test_examples.py::test_a_question_taught_word_for_word_is_answered_with_its_entry",
        ),
    ),
    Mutant(
        "an approved question is refused by a list written indented",
        "knowledge/editing.py",
        "    if first and first.group(1):\n",
        "    if False:\n",
        ("tests/test_faq_editing.py::test_an_approved_question_joins_a_list_written_indented",),
    ),
    Mutant(
        "a note typed after a source's link becomes part of the link",
        "knowledge/model.py",
        "    url: Annotated[HttpUrl, BeforeValidator(_one_link), AfterValidator(_https_only)]\n",
        "    url: Annotated[HttpUrl, AfterValidator(_https_only)]\n",
        (
            "tests/test_faq_validation.py::"
            "test_a_source_url_with_a_note_or_a_stray_character_is_refused",
        ),
    ),
    Mutant(
        "two wordless aliases are called copies of each other",
        "knowledge/loader.py",
        "            if not key:  # (no words: its own file says so; it is no copy of another)\n",
        "            if False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file",
        ),
    ),
    Mutant(
        "an alias with no words passes",
        "knowledge/loader.py",
        "        if not phrase_key(alias):\n",
        "        if False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file",
        ),
    ),
    Mutant(
        "a related id or source listed twice passes",
        "knowledge/loader.py",
        "            if value in values[:i]:\n",
        "            if False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file",
        ),
    ),
    Mutant(
        "a source's unknown field is told the entry's fields",
        "knowledge/loader.py",
        '        elif err["type"] == "extra_forbidden" and len(loc) > 2:  # (in a source)\n',
        "        elif False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file",
        ),
    ),
    Mutant(
        "a text over its limit gets pydantic's words",
        "knowledge/loader.py",
        '    if kind == "string_too_long":\n',
        "    if False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_a_long_title_a_long_example_and_a_date_with_a_time_are_told_in_plain_words",
        ),
    ),
    Mutant(
        "a date with a time gets pydantic's words",
        "knowledge/model.py",
        '    if isinstance(value, dt.datetime):  # (YAML reads "2026-12-01T10:00:00" as one)\n',
        "    if False:\n",
        (
            "tests/test_faq_validation.py::"
            "test_a_long_title_a_long_example_and_a_date_with_a_time_are_told_in_plain_words",
        ),
    ),
    Mutant(
        "the digest's first pass runs before the bot is connected",
        "bot/cogs/housekeeping.py",
        "        await self.bot.wait_until_ready()\n\n    async def digest_if_due(",
        "        pass\n\n    async def digest_if_due(",
        (
            f"{MODERATION}::"
            "test_a_bot_started_after_the_digest_hour_posts_the_digest_once_connected",
        ),
    ),
    Mutant(
        "a process that cannot see the log channel claims the digest",
        "bot/cogs/housekeeping.py",
        "(self.bot.settings.discord.mod_log_channel_id or 0) is None:\n",
        "(self.bot.settings.discord.mod_log_channel_id or 0) is False:\n",
        (
            f"{MODERATION}::"
            "test_a_bot_started_after_the_digest_hour_posts_the_digest_once_connected",
        ),
    ),
    Mutant(
        "a worked example's figure for a year gets a notice",
        "knowledge/figures.py",
        "                if not _reads_as_a_limit(line, known):\n",
        "                if False:\n",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "a total the IRS states (deferrals plus catch-up) gets a notice",
        "knowledge/figures.py",
        "{row.elective_deferral_402g + catch_up, row.annual_additions_415c + catch_up}\n",
        "set()\n",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "the Roth catch-up threshold under its wage year gets a notice",
        "knowledge/figures.py",
        "            own.add(following.roth_catch_up_wage_threshold)\n",
        "            pass\n",
        (FIGURE_NOTICE,),
    ),
    Mutant(
        "one link cited under two titles is refused as a repeat",
        "knowledge/loader.py",
        "[(s.title, str(s.url)) for s in meta.sources]",
        "[str(s.url) for s in meta.sources]",
        (
            "tests/test_faq_validation.py::"
            "test_wordless_aliases_repeated_ids_and_sources_are_named_in_their_own_file",
        ),
    ),
    Mutant(
        "a byte order mark hides an examples list's indent",
        "knowledge/editing.py",
        "before.removeprefix(_BOM), re.M)",
        "before, re.M)",
        ("tests/test_faq_editing.py::test_an_approved_question_joins_a_list_written_indented",),
    ),
    Mutant(
        "the digest is posted before its hour",
        "bot/cogs/housekeeping.py",
        "        if now.hour < self.bot.settings.discord.digest_hour_utc:\n",
        "        if False:\n",
        (DIGEST,),
    ),
    Mutant(
        "the digest is posted at every pass, not once a day",
        "bot/cogs/housekeeping.py",
        "        if first and note:\n",
        "        if note:\n",
        (DIGEST,),
    ),
    Mutant(
        "SQLite: a chore is claimed again the same day",
        "bot/storage/sqlite.py",
        '            "INSERT OR IGNORE INTO chores (name, day, done_at) VALUES (?, ?, ?)",\n',
        '            "INSERT OR REPLACE INTO chores (name, day, done_at) VALUES (?, ?, ?)",\n',
        (CHORE,),
    ),
    Mutant(
        "PostgreSQL: a chore is claimed again the same day",
        "bot/storage/postgres.py",
        '            " ON CONFLICT (name, day) DO NOTHING",\n',
        '            " ON CONFLICT (name, day) DO UPDATE SET done_at = EXCLUDED.done_at",\n',
        (CHORE,),
    ),
    Mutant(
        "memory store: a chore is claimed again the same day",
        "bot/storage/memory.py",
        "        if (name, day) in self.chores:\n            return False\n",
        "",
        (CHORE,),
    ),
    Mutant(
        "prorata: an account emptied at a loss shows basis left",
        "calculators/prorata.py",
        "    return remaining_basis + remaining_earnings == 0 and remaining_basis > 0\n",
        "    return False\n",
        (
            "tests/test_calc_prorata.py::test_an_account_emptied_at_a_loss_shows_the_basis_not_recovered",
        ),
    ),
    Mutant(
        "a reload does not say the example questions changed",
        "knowledge/editing.py",
        "            if said(old_examples) == said(new_examples)\n",
        "            if True\n",
        ("tests/test_console.py",),
    ),
    Mutant(
        "console: an examples-only reload says nothing changed",
        "knowledge/editing.py",
        "        return bool(self.added or self.changed or self.removed or self.examples)\n",
        "        return bool(self.added or self.changed or self.removed)\n",
        ("tests/test_console.py",),
    ),
    Mutant(
        "a misspelt ROLLOVER_ name in the environment is ignored",
        "bot/settings.py",
        "            if name.lower().startswith(prefix) and section not in known:\n",
        "            if False:\n",
        ("tests/test_settings.py",),
    ),
    Mutant(
        "a removed answer to someone else's question stays owed under the mention",
        "bot/views.py",
        "        if mention.reference is not None and mention.reference.message_id == ref:\n",
        "        if False:\n",
        (
            "tests/test_faults_e2e.py::test_a_removed_answer_to_someone_elses_question_is_not_posted_again_either",
        ),
    ),
    Mutant(
        "stats pages read the database before acknowledging the click",
        "bot/cogs/faq_admin.py",
        "        await interaction.response.defer()\n"
        "        try:\n"
        "            embed, view = await stats_page(bot, self.page)\n",
        "        try:\n"
        "            embed, view = await stats_page(bot, self.page)\n"
        "            await interaction.response.edit_message(embed=embed, view=view)\n"
        "            return\n",
        ("tests/test_moderation_e2e.py::test_stats_page_through_every_entry_by_title",),
    ),
    Mutant(
        "a source URL with no site passes validation",
        "knowledge/model.py",
        "    if len(labels) < 2 or not all(labels):\n",
        "    if False:\n",
        ("tests/test_faq_validation.py::test_a_source_url_with_no_site_is_refused",),
    ),
    Mutant(
        "--chart - writes a file named '-'",
        "bot/cli/calc.py",
        '    if text.strip() in {"", "-"}:\n',
        "    if False:\n",
        ("tests/test_calc_cli.py::test_a_chart_needs_a_file_name",),
    ),
    Mutant(
        "'1,000.' is said to have misplaced commas",
        "calculators/parse.py",
        '            and not re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", whole, re.ASCII)\n',
        "",
        ("tests/test_calc_audit.py::test_unclear_amounts_are_refused_with_a_reason",),
    ),
    Mutant(
        "ask batch: a byte order mark stays in the first question",
        "bot/cli/ask.py",
        '        yield (line.removeprefix("\\ufeff") if number == 0 else line).rstrip("\\r\\n")\n',
        '        yield line.rstrip("\\r\\n")\n',
        ("tests/test_cli_ask.py::test_batch_mode_reads_utf8_whatever_the_bytes_and_the_locale",),
    ),
    Mutant(
        "room: the closing step calls the formula's figure the ceiling beside a wider one",
        "calculators/room.py",
        "        if widened > room_left\n        else usd(room_left)\n",
        "        if False\n        else usd(room_left)\n",
        (
            "tests/test_calc_room.py::test_unused_catch_up_can_take_deferrals_over_415c_and_the_steps_say_so",
        ),
    ),
    Mutant(
        "faq stats: a broken entry file is not said",
        "bot/cli/faq.py",
        "    if scan.problems:  # (else a broken entry's row reads as an",
        "    if False:  # (else a broken entry's row reads as an",
        ("tests/test_storage.py::test_cli_stats_table_and_json",),
    ),
    Mutant(
        "a one-shot command's log warnings are bare lines",
        "bot/cli/__init__.py",
        "    logging.lastResort = _LAST_RESORT\n",
        "",
        ("tests/test_cli_ask.py::test_what_goes_wrong_on_the_way_is_said_as_a_warning_line",),
    ),
    Mutant(
        "an unknown argument to a subcommand points at the top-level help",
        "bot/cli/__init__.py",
        '        if extras and " " in self.prog:\n',
        "        if False:\n",
        ("tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",),
    ),
    Mutant(
        "New entry waits on a slow database before opening its form",
        "bot/review.py",
        "                self.bot.store.decided(item.keys), DECIDED_CHECK_SECONDS\n",
        "                self.bot.store.decided(item.keys), None\n",
        (
            "tests/test_moderation_e2e.py::test_new_entry_opens_its_form_in_time_while_the_database_is_slow",
        ),
    ),
    Mutant(
        "an invisible character in YAML is left to YAML (line shifted, two-line message)",
        "knowledge/frontmatter.py",
        "    if problem := _unseen_slip(text, offset):\n",
        "    if problem := None:\n",
        (
            "tests/test_faq_validation.py::test_a_control_character_is_told_at_its_own_line_in_one_line",
            "tests/test_faq_validation.py::test_what_the_bots_earlier_writer_wrapped_and_comments_after_dates_are_accepted",
        ),
    ),
    Mutant(
        "a dash and a non-breaking space make a list one text, told to 'write a list'",
        "knowledge/frontmatter.py",
        "    if item := _NBSP_ITEM.search(text):\n",
        "    if item := None:\n",
        (
            "tests/test_faq_validation.py::test_a_line_yaml_cannot_read_is_named_itself_not_the_next",
        ),
    ),
    Mutant(
        "faq list calls a missing folder an FAQ with a problem",
        "bot/cli/faq.py",
        "    require_folder(folder, faq_dir_named(args, cfg))\n    scan = scan_folder(folder)\n",
        "    scan = scan_folder(folder)\n",
        ("tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",),
    ),
    Mutant(
        "faq show with no id suggests close ids",
        "bot/cli/faq.py",
        "    if not args.entry_id.strip():  # (said before the FAQ loads",
        "    if False:  # (said before the FAQ loads",
        ("tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",),
    ),
    Mutant(
        "an empty answer body is told at line 1",
        "knowledge/loader.py",
        "                parsed.closing_line,\n",
        "                1,\n",
        ("tests/test_faq_validation.py::test_an_empty_answer_body_is_told_at_the_closing_line",),
    ),
    Mutant(
        "an example item's field problem is told at the item's first line",
        "knowledge/examples.py",
        '                at = _error_line(err["loc"], fields, line)\n',
        "                at = line\n",
        ("tests/test_faq_validation.py::test_each_unknown_id_under_also_is_told_at_its_own_line",),
    ),
    Mutant(
        "only the first unknown id under also is told",
        "knowledge/examples.py",
        "                for n, i in unknown\n",
        "                for n, i in unknown[:1]\n",
        ("tests/test_faq_validation.py::test_each_unknown_id_under_also_is_told_at_its_own_line",),
    ),
    Mutant(
        "an unknown id under also is told at the item's first line",
        "knowledge/examples.py",
        '                Problem(shown, at.get(f"also[{n}]", line), f"also: no FAQ entry {i!r}")\n',
        '                Problem(shown, line, f"also: no FAQ entry {i!r}")\n',
        ("tests/test_faq_validation.py::test_each_unknown_id_under_also_is_told_at_its_own_line",),
    ),
    Mutant(
        "a post that names the bot is treated as unasked",
        "bot/cogs/answers.py",
        "        asked = self.bot.user is not None and mentions_me(starter, self.bot.user)\n",
        "        asked = False\n",
        ("tests/test_bot_e2e.py::test_a_post_that_names_the_bot_is_answered_like_a_mention",),
    ),
    Mutant(
        "a mention edited into a post's opening message is ignored",
        "bot/cogs/answers.py",
        "        await self.answer_mention(message, claim=edited_in(message.id) if watched_post "
        "else None)\n",
        "        if thread is None:\n            await self.answer_mention(message)\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_the_bot_left_alone_is_answered",
        ),
    ),
    Mutant(
        "a post's title is left out when it is pointed or mentioned",
        "bot/replies.py",
        "        return strip_mentions(post_question(channel, message))\n",
        "        return strip_mentions(message.content)\n",
        (
            "tests/test_bot_e2e.py::test_a_posts_title_is_part_of_its_question_when_pointed_or_mentioned",
        ),
    ),
    Mutant(
        "a proxied member's question is taken for a bot's",
        "bot/replies.py",
        "    return message.webhook_id is not None and message.interaction_metadata is None\n",
        "    return False\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_in_reply_to_a_proxied_members_question_answers_it",
        ),
    ),
    Mutant(
        "Discord's calculator errors give the console's example",
        "calculators/catalog.py",
        "        command, *values = self.example.split()\n",
        "        return self.example\n        command, *values = self.example.split()\n",
        ("tests/test_bot_e2e.py::test_bad_calculator_input_is_ephemeral_and_friendly",),
    ),
    Mutant(
        "/faq for a user who is no member here blames the option",
        "bot/cogs/ask.py",
        "        user: discord.User | None = None,\n",
        "        user: discord.Member | None = None,\n",
        (
            "tests/test_bot_e2e.py::test_faq_for_someone_who_is_no_member_here_shows_the_entry_privately",
        ),
    ),
    Mutant(
        "an empty ROLLOVER_CACHE_DIR turns the cache off",
        "knowledge/cache.py",
        "    if configured:\n",
        '    if configured or "ROLLOVER_CACHE_DIR" in os.environ:\n',
        (
            "tests/test_matcher_cache.py::test_switched_off_or_unwritable_means_no_files_and_no_error",
        ),
    ),
    Mutant(
        "a question edited into a bare mention is ignored",
        MENTIONS,
        "        if not self._prompted.seen(message.id) and (\n",
        "        if True or (\n",
        ("tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_once",),
    ),
    Mutant(
        "a direct message gets silence",
        "bot/cogs/answers.py",
        "            await self._point_to_ask(message)\n",
        "",
        ("tests/test_bot_e2e.py::test_a_direct_message_is_pointed_to_ask_once_an_hour",),
    ),
    Mutant(
        "an entry file that is not UTF-8 crashes moderator paths",
        "knowledge/editing.py",
        "    except UnicodeDecodeError:\n        raise EditRefused(\n",
        "    except ZeroDivisionError:\n        raise EditRefused(\n",
        (
            "tests/test_moderation_e2e.py::test_an_entry_file_that_is_not_utf8_is_said_and_a_forms_text_comes_back",
        ),
    ),
    Mutant(
        "a failed form's text is not given back",
        "bot/cogs/faq_admin.py",
        "            await give_back(interaction, typed_back(REFUSED_FORM, self._typed()))\n"
        "        except Exception:\n",
        "            pass\n        except Exception:\n",
        (
            "tests/test_moderation_e2e.py::test_a_form_whose_save_fails_unexpectedly_gives_the_text_back",
        ),
    ),
    Mutant(
        "alias splits a text of aliases into letters",
        "bot/cogs/faq_admin.py",
        "    if not isinstance(had, list):\n",
        "    had = list(had)\n    if False:\n",
        (
            "tests/test_moderation_e2e.py::test_alias_on_an_entry_whose_aliases_are_no_list_writes_nothing",
        ),
    ),
    Mutant(
        "an entry removed while its form was open is called changed",
        "knowledge/editing.py",
        "    if current is None and expected:\n",
        "    if False:\n",
        ("tests/test_moderation_e2e.py::test_an_edit_form_for_an_entry_removed_meanwhile_says_so",),
    ),
    Mutant(
        "an alias is added to the file as it was read before the save",
        "bot/cogs/faq_admin.py",
        "            rebuild=lambda current: with_alias(current, phrase, path),\n",
        "            rebuild=None,\n",
        ("tests/test_moderation_e2e.py::test_two_moderators_adding_aliases_at_once_both_land",),
    ),
    Mutant(
        "an alias an example overrides is saved without a word",
        "bot/cogs/faq_admin.py",
        "        checks += await asyncio.to_thread(_clash_checks, self.bot.knowledge, entry_id)\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_an_alias_an_example_question_overrides_is_said_when_saved",
        ),
    ),
    Mutant(
        "an edit's problems are looked for in the file still on disk",
        "knowledge/loader.py",
        "        if unsaved is not None and entry.path in unsaved:",
        "        if False:",
        (
            "tests/test_faq_editing.py::test_an_alias_added_twice_is_told_at_its_line_in_the_edited_text",
            "tests/test_faq_editing.py::test_a_save_that_clashes_with_an_entry_later_in_the_folder_is_refused",
        ),
    ),
    Mutant(
        "an old bare mention edited to hold a question is answered",
        MENTIONS,
        "            or not question_in(message)\n            or not edited_in_time(message)\n",
        "            or not question_in(message)\n",
        ("tests/test_bot_e2e.py::test_an_edit_after_the_window_is_not_taken_as_asking",),
    ),
    Mutant(
        "listed text channels shut out mentions in watched forum posts",
        "bot/cogs/answers.py",
        "        if not ids or in_watched_forum(self.bot, channel):",
        "        if not ids:",
        (
            "tests/test_bot_e2e.py::test_a_mention_in_a_watched_forums_post_is_answered_when_text_channels_are_listed",
        ),
    ),
    Mutant(
        "line 14 below zero offers no better figures",
        "calculators/form8606.py",
        "    if l3 - l13 <= l14:  # (more places do no better: only the cents are over)",
        "    if True:",
        (
            "tests/test_calc_form8606.py::test_a_few_dollars_of_growth_get_the_figures_with_more_places_to_use",
        ),
    ),
    Mutant(
        "line 14 below zero offers the most places",
        "calculators/form8606.py",
        "    over, n, share_, l11, l12 = min(figures)",
        "    over, n, share_, l11, l12 = figures[-1]",
        (
            "tests/test_calc_form8606.py::test_a_few_dollars_of_growth_get_the_figures_with_more_places_to_use",
        ),
    ),
    Mutant(
        "another account's money is worked through as basis",
        "calculators/amount_doubts.py",
        "    if _another_accounts(text, start, end, (begin, stop), kind):\n        return True\n",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an amount's clause runs on past 'and'",
        "calculators/amount_doubts.py",
        "    stop_at = next((i for i, w in enumerate(after) if w in CLAUSE_WORDS), len(after))",
        "    stop_at = len(after)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an HSA question's figures are worked through",
        "calculators/amount_doubts.py",
        "    other = _ROTH_SOURCE.search(text) or _NO_BASIS_ACCOUNT.search(text)",
        "    other = _ROTH_SOURCE.search(text)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "every two weeks is no period",
        "calculators/amount_doubts.py",
        "(?:other\\s+|two\\s+|few\\s+)?",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a late contribution beside a conversion says nothing",
        "calculators/form8606.py",
        "    if l4 > 0 and l8 > 0:",
        "    if False:",
        (
            "tests/test_calc_form8606.py::test_a_late_contribution_beside_a_conversion_says_where_that_conversion_goes",
        ),
    ),
    Mutant(
        "the patterns before an amount read the whole text before it",
        "calculators/amount_doubts.py",
        '    near = _SPACES.sub(" ", before[-NEAR_CHARS:])',
        "    near = before",
        (
            "tests/test_hostile_inputs.py::test_hostile_input",
            "tests/test_calc_audit.py::test_a_long_run_of_blank_lines_before_amounts_is_read_at_once",
        ),
    ),
    Mutant(
        "any number of figures is read for a pair",
        "calculators/from_text.py",
        "    if len(numbers) > MAX_NUMBERS:",
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a closed post is pointed at",
        "bot/cogs/point.py",
        "        if closed(channel):\n            return CLOSED_POST\n",
        "",
        ("tests/test_bot_e2e.py::test_answer_with_faq_posts_nowhere_the_helper_could_not",),
    ),
    Mutant(
        "the bot posts where the helper may not",
        "bot/cogs/point.py",
        "    return None if allowed else NOT_YOURS_TO_POST",
        "    return None",
        ("tests/test_bot_e2e.py::test_answer_with_faq_posts_nowhere_the_helper_could_not",),
    ),
    Mutant(
        "a picker opened before the post closed still posts",
        "bot/cogs/point.py",
        "            if refusal := refusal_there(interaction, channel):"
        "  # (closed since it opened?)",
        "            if refusal := None:",
        ("tests/test_bot_e2e.py::test_answer_with_faq_posts_nowhere_the_helper_could_not",),
    ),
    Mutant(
        "a refused newer postgres schema leaves its pool open",
        "bot/storage/postgres.py",
        "            except StorageError:  # (a newer schema: no pool left open to write into it)\n"
        "                await self._let_go()\n"
        "                raise\n",
        "",
        ("tests/test_storage.py::test_postgres_with_a_newer_schema_is_refused_every_time",),
    ),
    Mutant(
        "a removal's failed record skips the retag",
        "bot/views.py",
        "    try:\n        await step\n    except Exception as exc:\n",
        "    try:\n        await step\n    except ValueError as exc:\n",
        ("tests/test_bot_e2e.py::test_not_what_i_asked_retags_the_post_with_the_database_failing",),
    ),
    Mutant(
        "the digest's day is claimed before its queue is read",
        "bot/cogs/housekeeping.py",
        "        try:\n            note = await self.digest_note(now)\n"
        "        except Exception as exc:\n",
        '        try:\n            await self.bot.store.claim_chore("digest", now.date())\n'
        "            note = await self.digest_note(now)\n        except Exception as exc:\n",
        (
            "tests/test_moderation_e2e.py::test_the_mod_log_hears_of_refused_reloads_edits_and_the_queue",
        ),
    ),
    Mutant(
        "a code block breaks only the first three backticks",
        "bot/embeds.py",
        '    return "```\\n" + text.replace("``", "`\\u200b`").replace('
        '"``", "`\\u200b`") + "\\n```"',
        '    return "```\\n" + text.replace("```", "`\\u200b``") + "\\n```"',
        ("tests/test_mod_log.py::test_a_code_block_cannot_be_closed_from_inside",),
    ),
    Mutant(
        "a cache folder others may write to is used",
        "knowledge/cache.py",
        "    return info.st_uid == os.geteuid() and not info.st_mode & 0o022",
        "    return True",
        ("tests/test_matcher_cache.py::test_a_cache_folder_others_may_write_to_is_not_used",),
    ),
    Mutant(
        "pickers stockpiled post past the limit",
        "bot/cogs/point.py",
        "                and not (window := cog.posts.get(interaction.user.id)).allow()",
        "                and not (window := cog.posts.get(interaction.user.id))",
        ("tests/test_bot_e2e.py::test_pickers_opened_slowly_cannot_post_together_past_the_limit",),
    ),
    Mutant(
        "a picker refused for the limit stays used",
        "bot/cogs/point.py",
        "                    cog.pickers.release(picker)  # (nothing "
        "posted: it may pick again later)",
        "                    pass",
        ("tests/test_bot_e2e.py::test_pickers_opened_slowly_cannot_post_together_past_the_limit",),
    ),
    Mutant(
        "postgres reads a naive time as local",
        "bot/storage/postgres.py",
        "            as_utc(question.when),  # (asyncpg takes a naive"
        " time as local: the store's is UTC)",
        "            question.when,",
        ("tests/test_storage.py::test_a_time_without_a_zone_is_utc_on_every_backend",),
    ),
    Mutant(
        "postgres review decisions keyed by the whole question",
        "bot/storage/postgres.py",
        '            "ALTER TABLE reviewed DROP CONSTRAINT reviewed_pkey",',
        '            "SELECT 1",',
        ("tests/test_storage.py::test_a_long_question_in_any_script_can_be_decided",),
    ),
    Mutant(
        "a vote key lost after votes is replaced silently",
        "bot/storage/sqlite.py",
        "            if cast:\n",
        "            if False:\n",
        ("tests/test_storage.py::test_a_vote_key_lost_after_votes_were_cast_is_said_loudly",),
    ),
    Mutant(
        "postgres reports create and upgrade the schema",
        "bot/storage/postgres.py",
        "                await (self._check_schema() if self.read_only else self._migrate())",
        "                await self._migrate()",
        ("tests/test_storage.py::test_cli_reports_never_create_or_upgrade_a_postgres_schema",),
    ),
    Mutant(
        "a miss is decided with the same words unanswered",
        "bot/storage/reports.py",
        '    return MISS_KEY + key if question.review_kind == "miss" else key',
        "    return key",
        (
            "tests/test_storage.py::test_a_miss_is_not_hidden_by_a_decision_on_the_same_words_unanswered",
        ),
    ),
    Mutant(
        "a full post asking for a person is left unsaid",
        "bot/forum_tags.py",
        "        if len(tags) >= MAX_TAGS:",
        "        if False:",
        (
            "tests/test_bot_e2e.py::test_a_post_with_five_tags_asking_for_a_person_is_told_to_the_moderators",
        ),
    ),
    Mutant(
        "after-tax in the same clause does not keep an amount plain",
        "calculators/amount_doubts.py",
        "    if _AFTER_TAX_WORDS.search(shown) or (_AFTER_TAX.search(shown) and not named_source"
        "(owner)):\n        return False\n",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "another account's earnings are worked through",
        "calculators/amount_doubts.py",
        '    vocabulary = OTHER_SOURCE_WORDS if kind == "basis" else OTHER_EARNER_WORDS',
        '    vocabulary = OTHER_SOURCE_WORDS if kind == "basis" else frozenset()',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "thousands set apart by a space read as a small amount",
        "calculators/amount_doubts.py",
        "    if _SHORT_AMOUNT.fullmatch(text, start, end) and _SPACED_THOUSANDS.match(text, end):",
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "where the money goes is read as where it is",
        "calculators/amount_doubts.py",
        '    return not DESTINATION_VERBS.intersection(w for w in following if w != "ira")',
        "    return True",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a traditional 401(k) is read as a traditional IRA",
        "calculators/amount_doubts.py",
        "    if said[i] in PLAN_KINDS and following[:1] and following[0] in PLAN_WORDS:",
        "    if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "$529 is read as a 529 plan",
        "calculators/amount_doubts.py",
        '_SAVINGS_PLAN = re.compile(r"(?<![$\\d,.])\\b529s?\\b(?![.,]?\\d)")',
        '_SAVINGS_PLAN = re.compile(r"\\b529\\b")',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a rollover's check is read as a paycheck",
        "calculators/amount_doubts.py",
        '    r"\\b(?:each|every|per)\\s+(?:pay\\s*(?:check|cheque|day|pe'
        'riod)|paycheque|check|pay)\\b"',
        '    r"\\b(?:each|every|per|a)\\s+(?:pay\\s*(?:check|cheque|day|'
        'period)|paycheque|check|pay)\\b"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a mention's quote is taken for its question",
        MENTIONS,
        "        choices = [(own, message)] if not quoted else [(own, message), (quoted, message)]",
        "        choices = [(question_in(message), message)]",
        (
            "tests/test_bot_e2e.py::test_a_mention_answers_the_members_own_question_not_what_it_quotes_or_replies_to",
        ),
    ),
    Mutant(
        "a mention under a remark answers the remark",
        MENTIONS,
        "        return choices[scores.index(max(scores))]",
        "        return choices[-1]",
        (
            "tests/test_bot_e2e.py::test_a_mention_answers_the_members_own_question_not_what_it_quotes_or_replies_to",
        ),
    ),
    Mutant(
        "each mention under one question posts the answer again",
        MENTIONS,
        "            if target is not message and (",
        "            if False and (",
        (
            "tests/test_bot_e2e.py::test_several_mentions_under_one_question_get_one_answer_and_a_pointer",
        ),
    ),
    Mutant(
        "a retried mention is read without its post",
        "bot/cogs/answers.py",
        "                channel = self.bot.get_channel(owed.channel_"
        "id) or await self.bot.fetch_channel(\n                    owed.channel_id\n"
        "                )",
        "                channel = self.bot.get_partial_messageable(owed.channel_id)",
        (
            "tests/test_faults_e2e.py::test_a_retried_mention_in_a_posts_opening_message_reads_the_posts_title",
        ),
    ),
    Mutant(
        "a typed topic with a clear first suggestion is refused",
        "knowledge/base.py",
        "        hits = self.matcher.autocomplete(typed, limit=2)\n"
        "        if not hits or hits[0].score < CLEAR_TOPIC_SCORE:",
        "        hits = self.matcher.autocomplete(typed, limit=2)\n        if True:",
        ("tests/test_bot_e2e.py::test_faq_autocomplete_and_lookup",),
    ),
    Mutant(
        "a typed topic with no clear first is guessed",
        "knowledge/base.py",
        "        if len(hits) > 1 and hits[0].score - hits[1].score < CLEAR_TOPIC_MARGIN:",
        "        if False:",
        ("tests/test_bot_e2e.py::test_faq_autocomplete_and_lookup",),
    ),
    Mutant(
        "sqlite: votes cast per answer still count apart",
        "bot/storage/schema.py",
        '            "DELETE FROM votes WHERE message_id != 0",',
        '            "SELECT 1",',
        ("tests/test_storage.py::test_votes_cast_per_answer_become_one_per_member_and_entry",),
    ),
    Mutant(
        "postgres: votes cast per answer still count apart",
        "bot/storage/postgres.py",
        '            "DELETE FROM votes WHERE message_id <> 0",',
        '            "SELECT 1",',
        ("tests/test_storage.py::test_votes_cast_per_answer_become_one_per_member_and_entry",),
    ),
    Mutant(
        "a locked post is reopened for a removal",
        "bot/views.py",
        "    if channel.locked:\n        return CLOSED_POST_KEEPS_ANSWER\n",
        "",
        ("tests/test_bot_e2e.py::test_not_what_i_asked_in_a_closed_post",),
    ),
    Mutant(
        "a closed post the bot cannot close again is reopened",
        "bot/views.py",
        "    if me is None or not channel.permissions_for(me).manage_threads:",
        "    if me is None:",
        ("tests/test_bot_e2e.py::test_not_what_i_asked_in_a_closed_post",),
    ),
    Mutant(
        "the first removal done closes the post under the second",
        "bot/views.py",
        "        if _holding[thread.id] <= 0:\n            del _holding[thread.id]\n",
        "        if True:\n            _holding.pop(thread.id, None)\n",
        ("tests/test_bot_e2e.py::test_not_what_i_asked_in_a_closed_post",),
    ),
    Mutant(
        "a closed post is not reopened for a removal",
        "bot/views.py",
        "            if isinstance(channel, discord.Thread) and channel.archived:\n"
        "                async with _held_open(channel):",
        "            if False:\n                async with _held_open(channel):",
        ("tests/test_bot_e2e.py::test_not_what_i_asked_in_a_closed_post",),
    ),
    Mutant(
        "a mention under a question is never answered while history cannot be read",
        MENTIONS,
        "        except NETWORK_ERRORS as exc:\n"
        '            log.info("could not look for an answer under %s: %s", question.id, exc)\n'
        "            return None\n",
        "        except ValueError:\n            return None\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_under_a_question_is_answered_when_history_cannot_be_read",
        ),
    ),
    Mutant(
        "a retried mention reopens a closed post",
        "bot/cogs/answers.py",
        "                if isinstance(channel, discord.Thread) and closed(channel):",
        "                if False:",
        ("tests/test_faults_e2e.py::test_a_mention_owed_in_a_post_closed_meanwhile_is_left_alone",),
    ),
    Mutant(
        "a notice under a question is taken for its answer",
        MENTIONS,
        "        return found if found is not None and is_answer(found) else None",
        "        return found",
        (
            "tests/test_bot_e2e.py::test_several_mentions_under_one_question_get_one_answer_and_a_pointer",
            "tests/test_bot_e2e.py::test_a_mention_under_a_post_the_bot_was_unsure_about_is_answered",
        ),
    ),
    Mutant(
        "a typed topic sharing one word with a title shows it",
        "knowledge/base.py",
        "        return hits[0].id if len(typed.strip()) >= 4 and words <= said else None",
        "        return hits[0].id",
        ("tests/test_bot_e2e.py::test_faq_autocomplete_and_lookup",),
    ),
    Mutant(
        "a write cancelled at its BEGIN leaves the connection in a transaction",
        "bot/storage/sqlite.py",
        "            except BaseException as exc:\n                await _roll_back(db)\n"
        "                self._raise_if_passing(exc)\n",
        "            except BaseException as exc:\n                if db.in_transaction:\n"
        "                    await _roll_back(db)\n                self._raise_if_passing(exc)\n",
        (
            "tests/test_storage.py::test_a_write_cancelled_at_its_begin_leaves_later_writes_working_and_kept",
        ),
    ),
    Mutant(
        "the bot's answered tag lands after a removal that came while it recorded the answer",
        "bot/cogs/answers.py",
        "            tagged = await tag_answered(self.bot, thread)\n"
        "        await remember(\n"
        "            self.bot, reply, thread.parent_id, message_id=starter.id,"
        " asker_id=starter.author.id\n"
        "        )\n",
        "            pass\n"
        "        await remember(\n"
        "            self.bot, reply, thread.parent_id, message_id=starter.id,"
        " asker_id=starter.author.id\n"
        "        )\n"
        "        if reply.result.answered and kept:\n"
        "            tagged = await tag_answered(self.bot, thread)\n",
        (
            "tests/test_bot_e2e.py::test_not_what_i_asked_while_the_bot_still_records_its_answer_asks_for_a_person",
        ),
    ),
    Mutant(
        "a mention edited into a quiet post is claimed only in each process's memory",
        MENTIONS,
        "    return -message_id\n",
        "    return message_id\n",
        (
            "tests/test_processes_e2e.py::test_two_processes_given_a_mention_edited_into_a_quiet_post_answer_it_once",
        ),
    ),
    Mutant(
        "a new FAQ file's mode reads the umask by setting it, process-wide",
        "knowledge/editing.py",
        '            if line.startswith("Umask:"):\n'
        "                return int(line.split()[1], 8)\n",
        '            if line.startswith("Umask:") and False:\n'
        "                return int(line.split()[1], 8)\n",
        (
            "tests/test_faq_editing.py::test_a_new_file_is_written_without_touching_the_process_umask",
        ),
    ),
    Mutant(
        "the review count hides that more wait",
        "bot/review.py",
        "    return OpenItems(shown[:QUEUE_LIMIT], more=len(shown) > QUEUE_LIMIT or items.more)",
        "    return OpenItems(shown[:QUEUE_LIMIT], more=False)",
        (
            "tests/test_moderation_e2e.py::test_the_review_count_says_when_more_wait_than_one_look_shows",
        ),
    ),
    Mutant(
        "the review count always says more",
        "bot/review.py",
        "    return OpenItems(shown[:QUEUE_LIMIT], more=len(shown) > QUEUE_LIMIT or items.more)",
        "    return OpenItems(shown, more=len(items) >= QUEUE_LIMIT)",
        (
            "tests/test_moderation_e2e.py::test_the_review_count_says_when_more_wait_than_one_look_shows",
        ),
    ),
    Mutant(
        "a new entry from review leaves its question untaught",
        "bot/cogs/faq_admin.py",
        "                    await asyncio.to_thread(\n"
        "                        add_example, bot.faq_dir, entry_id, self.review_question\n"
        "                    )\n",
        "                    pass\n",
        (
            "tests/test_moderation_e2e.py::test_new_entry_from_review_teaches_its_question_so_it_is_answered_next_time[short]",
            "tests/test_moderation_e2e.py::test_new_entry_from_review_teaches_its_question_so_it_is_answered_next_time[longer-than-a-title]",
            "tests/test_moderation_e2e.py::test_a_new_entry_whose_question_another_entry_holds_leaves_it_queued",
        ),
    ),
    Mutant(
        "gaps cuts to 30 groups before leaving out those the FAQ answers now",
        "bot/review.py",
        "    groups = await bot.store.gaps(days, limit=EVERY_GROUP)\n",
        "    groups = await bot.store.gaps(days, limit=30)\n",
        (
            "tests/test_moderation_e2e.py::test_gaps_still_lists_unanswered_questions_after_the_top_ones_were_fixed",
        ),
    ),
    Mutant(
        "the review look cuts the queue before leaving out items the FAQ answers now",
        "bot/review.py",
        "    items = await bot.store.review_queue()\n",
        "    items = await bot.store.review_queue(QUEUE_LIMIT)\n",
        (
            "tests/test_moderation_e2e.py::test_the_review_queue_is_not_emptied_by_items_the_faq_answers_now",
        ),
    ),
    Mutant(
        "the retention purge deletes decisions whose questions are still kept",
        "bot/storage/reports.py",
        "    return [key for key in decided if key not in kept]\n",
        "    return list(decided)\n",
        (
            "tests/test_storage.py::test_a_decision_is_kept_while_a_question_it_decided_is_kept[memory]",
            "tests/test_storage.py::test_a_decision_is_kept_while_a_question_it_decided_is_kept[sqlite]",
            "tests/test_storage.py::test_a_decision_is_kept_while_a_question_it_decided_is_kept[postgres]",
        ),
    ),
    Mutant(
        "an internal fault's traceback is dropped again",
        "bot/cli/__init__.py",
        "        if record.exc_info:\n",
        "        if False:\n",
        ("tests/test_cli_ask.py::test_an_internal_fault_shows_its_traceback_above_the_error_line",),
    ),
    Mutant(
        "a closed standard output is an internal fault again",
        "bot/cli/__init__.py",
        "    if (why := _unwritable_stdout()) is not None:\n"
        "        sys.stdout = _ClosedOutput(why)\n",
        "",
        ("tests/test_calc_cli.py::test_a_closed_standard_output_is_one_error_line",),
    ),
    Mutant(
        "faq reports take a --db PostgreSQL URL for a file path",
        "bot/cli/faq.py",
        "    return text if re.match(POSTGRES_URL, text) else from_home(Path(text))\n",
        "    return from_home(Path(text))\n",
        ("tests/test_storage.py::test_cli_reports_read_a_postgres_url_given_as_db",),
    ),
    Mutant(
        "a named pipe named like an FAQ entry is read (and hangs)",
        "knowledge/loader.py",
        "        if (odd := not_a_file(path)) is not None:\n",
        "        if False:\n",
        (
            "tests/test_faq_validation.py::test_a_named_pipe_or_folder_named_like_an_faq_file_is_a_problem_not_read",
        ),
    ),
    Mutant(
        "the console echoes an unknown /faq id raw",
        "bot/console.py",
        "No entry '{one_line(typed, ECHO)}'",
        "No entry '{typed}'",
        ("tests/test_console.py::test_what_was_typed_is_repeated_escaped_and_short",),
    ),
    Mutant(
        "faq reports exit 2 for a database that cannot be reached",
        "bot/cli/faq.py",
        "    except DatabaseUnavailable as exc:  # (the server down o"
        "r out of reach: not the input)\n        raise CliFailure(",
        "    except DatabaseUnavailable as exc:  # (the server down o"
        "r out of reach: not the input)\n        raise CliError(",
        ("tests/test_storage.py::test_cli_reports_on_an_unreachable_database_exit_1_not_2",),
    ),
    Mutant(
        "dev.py takes Python 3.11.1 for 3.11.13",
        "dev.py",
        '    return made_with.split(".")[:3] == current.split(".")\n',
        "    return made_with.startswith(current)\n",
        ("tests/test_dev.py::test_a_venv_is_made_again_for_another_python_release",),
    ),
    Mutant(
        "the console leaves the shell's prompt on the 'you> ' line at Ctrl-D",
        "bot/console.py",
        "                if interactive:  # (else the shell's prompt "
        'follows "you> " on its line)\n                    print(file=stdout, flush=True)\n',
        "",
        (
            "tests/test_console.py::test_leaving_with_ctrl_d_or_ctrl_c_gives_the_shell_a_line_of_its_own",
        ),
    ),
    Mutant(
        "run exits 2 when the database server is out of reach",
        "bot/cli/service.py",
        "    except runner.ServiceDown as exc:\n        raise CliFailure(str(exc)) from None\n",
        "",
        ("tests/test_startup_failures.py::test_a_database_server_out_of_reach_exits_1_not_2",),
    ),
    Mutant(
        "a missing PostgreSQL database or role is taken for a server down",
        "bot/storage/postgres.py",
        "            asyncpg.InvalidCatalogNameError,\n",
        "",
        ("tests/test_storage.py::test_a_wrong_database_or_role_is_input_to_fix_not_a_server_down",),
    ),
    Mutant(
        "a password with a raw slash is shown whole",
        "bot/storage/postgres.py",
        '_PASSWORD = re.compile(r"^([a-z][a-z0-9+.-]*://[^:@/]*:)(.+)@", re.IGNORECASE)',
        '_PASSWORD = re.compile(r"^([a-z][a-z0-9+.-]*://[^:@/]*:)([^@/#?]+)@", re.IGNORECASE)',
        ("tests/test_storage.py::test_a_database_url_is_shown_without_its_password",),
    ),
    Mutant(
        "JSON on a terminal that is not UTF-8 loses characters to '?'",
        "bot/cli/common.py",
        "    return json.dumps(data, ensure_ascii=not utf8, **options)\n",
        "    return json.dumps(data, ensure_ascii=False, **options)\n",
        ("tests/test_cli_ask.py::test_json_on_a_terminal_that_is_not_utf8_keeps_every_character",),
    ),
    Mutant(
        "any bad file descriptor is taken for a closed standard output",
        "bot/cli/__init__.py",
        "    if exc.errno not in _NO_ROOM and not isinstance(exc, _OutputClosed):\n",
        "    if exc.errno not in _NO_ROOM and exc.errno != errno.EBADF:\n",
        ("tests/test_cli_ask.py::test_a_bad_file_descriptor_inside_is_a_fault_not_lost_output",),
    ),
    Mutant(
        "working too long for the description is cut off",
        "bot/embeds.py",
        '    while rest:\n        value, rest = _fill("", rest, FIELD_VALUE)',
        '    while False:\n        value, rest = _fill("", rest, FIELD_VALUE)',
        ("tests/test_bot_e2e.py::test_long_working_is_shown_whole_in_continued_fields",),
    ),
    Mutant(
        "a calculator's fifth warning is dropped without a word",
        "bot/embeds.py",
        "        result.warnings, where, room=",
        "        result.warnings[:4], where, room=",
        (
            "tests/test_bot_e2e.py::test_every_calculator_warning_is_shown_whole[form8606-most-warnings-reply]",
            "tests/test_bot_e2e.py::test_every_calculator_warning_is_shown_whole[form8606-most-warnings-show-working]",
            "tests/test_bot_e2e.py::test_five_warnings_all_reach_the_reply_and_the_working",
        ),
    ),
    Mutant(
        "Show working past 6,000 characters is sent anyway",
        "bot/embeds.py",
        "    return (description, values) if used <= room else None",
        "    return (description, values)",
        (
            "tests/test_bot_e2e.py::test_working_too_long_for_one_message_leaves_out_whole_steps_and_attaches_them",
        ),
    ),
    Mutant(
        "/faq's list escapes whole titles, past 4,096 characters a page",
        "bot/cogs/ask.py",
        "listed_title(t, LISTED_TITLE)",
        "neutralize(t)",
        ("tests/test_bot_e2e.py::test_faq_list_of_long_titles_full_of_markdown_is_still_shown",),
    ),
    Mutant(
        "cuts a save's reply with its reload's problems blindly, closing fence and all",
        "bot/cogs/faq_admin.py",
        "        return Saved(True, lead + reload_text(result, room - len(lead)))\n",
        "        return Saved(True, (lead + reload_text(result))[:room])\n",
        (
            "tests/test_moderation_e2e.py::test_an_edit_saved_while_the_reload_is_refused_shows_its_problems_in_a_closed_block",
            "tests/test_moderation_e2e.py::test_a_new_entry_from_review_saved_while_the_reload_is_refused_is_said_saved",
        ),
    ),
    Mutant(
        "saves an entry while an examples file would refuse the reload after it",
        "knowledge/editing.py",
        "    return sorted(problems + own + cross + examples)\n",
        "    return sorted(problems + own + cross)\n",
        (
            "tests/test_faq_editing.py::test_an_edit_is_refused_for_the_examples_problems_that_would_refuse_its_reload",
        ),
    ),
    Mutant(
        "cuts /faq-admin reload's summary of the longest ids instead of counting them",
        "bot/cogs/faq_admin.py",
        '        return f"FAQ reloaded: {result.diff.summary(limit=li'
        "mit - len('FAQ reloaded: .'))}.\"\n",
        '        return f"FAQ reloaded: {result.diff.summary()}."[:limit]\n',
        (
            "tests/test_moderation_e2e.py::test_a_reload_naming_the_longest_ids_counts_those_it_leaves_out",
        ),
    ),
    Mutant(
        "lets the mod log's reload line outgrow a message, cut by _chunks",
        "bot/mod_log.py",
        "    return head + result.diff.summary(limit=MESSAGE_LIMIT - len(head))\n",
        "    return head + result.diff.summary()\n",
        (
            "tests/test_moderation_e2e.py::test_a_reload_naming_the_longest_ids_counts_those_it_leaves_out",
        ),
    ),
    Mutant(
        "the fake takes any text input in a form",
        "tests/fakediscord/validation.py",
        '            if item.get("type") == 4:\n'
        "                _validate_text_input(problems, cp, item, lab"
        'elled=top.get("type") == 18)\n',
        "",
        (
            f"{FAKE_FORM}[label over 45]",
            f"{FAKE_FORM}[placeholder over 100]",
            f"{FAKE_FORM}[value over 4000]",
            f"{FAKE_FORM}[max_length over 4000]",
            f"{FAKE_FORM}[min_length over max_length]",
            f"{FAKE_FORM}[value over its max_length]",
        ),
    ),
    Mutant(
        "the fake takes a form input's custom_id of any length",
        "tests/fakediscord/validation.py",
        '            _max_len(problems, f"{cp}.custom_id", custom_id, 100)\n'
        "            if custom_id in seen:\n",
        "            if custom_id in seen:\n",
        (f"{FAKE_FORM}[custom_id over 100]",),
    ),
    Mutant(
        "the fake takes two components with one custom_id",
        "tests/fakediscord/validation.py",
        "                if custom_id in seen:\n"
        '                    problems.append((f"{cp}.custom_id", "Com'
        'ponent custom id must be unique"))\n                seen.add(custom_id)\n',
        "                seen.add(custom_id)\n",
        (f"{FAKE_MESSAGE}[two buttons with one custom_id]",),
    ),
    Mutant(
        "the fake takes an empty option label",
        "tests/fakediscord/validation.py",
        "                    if not isinstance(label, str) or not 1 <= len(label) <= 100:\n",
        "                    if isinstance(label, str) and len(label) > 100:\n",
        (f"{FAKE_MESSAGE}[an empty option label]",),
    ),
    Mutant(
        "the fake takes two options with one value",
        "tests/fakediscord/validation.py",
        '                    if option.get("value") in values:\n',
        "                    if False:\n",
        (f"{FAKE_MESSAGE}[two options with one value]",),
    ),
    Mutant(
        "the fake takes any number of attachments",
        "tests/fakediscord/validation.py",
        '    if max(files, len(body.get("attachments") or [])) > 10:\n',
        "    if False:\n",
        (f"{FAKE_MESSAGE}[eleven files]",),
    ),
    Mutant(
        "a new entry's taught question, not recorded, is to be dismissed",
        "bot/cogs/faq_admin.py",
        "            if taught:  # (dismissed, it would be filed as not worth an entry)\n",
        "            if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_new_entry_saved_while_the_database_fails_is_said_saved",
        ),
    ),
    Mutant(
        "a reload summary with no ids to drop loops for ever over a tight limit",
        "knowledge/editing.py",
        "        while limit is not None and len(said) > limit and named != 0 and widest:\n",
        "        while limit is not None and len(said) > limit and named != 0:\n",
        (
            "tests/test_faq_editing.py::test_a_reload_summary_too_long_for_its_limit_with_no_entries_to_drop_still_returns",
        ),
    ),
    Mutant(
        "an '@' in a database URL's query hides its host as a password",
        "bot/storage/postgres.py",
        '        if at:\n            return userinfo.partition(":")[2] or None\n',
        '        if False:\n            return userinfo.partition(":")[2] or None\n',
        ("tests/test_storage.py::test_a_database_url_is_shown_without_its_password",),
    ),
    Mutant(
        "a standard output open for reading only is an internal fault",
        "bot/cli/__init__.py",
        '    return f"{name} is open for reading only" if mode == os.O_RDONLY else None',
        "    return None",
        ("tests/test_calc_cli.py::test_a_closed_standard_output_is_one_error_line",),
    ),
    Mutant(
        "faq gaps --json escapes members' accented words though the output is UTF-8",
        "bot/cli/faq.py",
        'json_text({"database": label(path), "found": True, "days": args.days, "groups": rows})',
        '__import__(\'json\').dumps({"database": label(path), "found": '
        'True, "days": args.days, "groups": rows})',
        ("tests/test_storage.py::test_cli_reports_json_shows_members_words_as_typed",),
    ),
    Mutant(
        "faq review --json escapes members' accented words though the output is UTF-8",
        "bot/cli/faq.py",
        'print(json_text({"database": label(path), "found": True, "items": rows}))',
        'print(__import__(\'json\').dumps({"database": label(path), "fo'
        'und": True, "items": rows}))',
        ("tests/test_storage.py::test_cli_reports_json_shows_members_words_as_typed",),
    ),
    Mutant(
        "a short answer's own bold unbolds it in the full answer",
        "knowledge/layout.py",
        '    short = entry.short.replace("**", "")\n',
        "    short = entry.short\n",
        (
            "tests/test_faq_validation.py::test_bold_in_a_short_answer_does_not_unbold_it_in_the_full_answer",
        ),
    ),
    Mutant(
        "a proxied member's own mention is dropped as a bot's",
        "bot/cogs/answers.py",
        "    async def on_message(self, message: discord.Message) -> None:\n"
        "        if not self._asked_by_a_member(message):\n",
        "    async def on_message(self, message: discord.Message) -> None:\n"
        "        if message.author.bot:\n",
        (
            "tests/test_bot_e2e.py::test_a_proxied_members_own_mention_is_answered_and_another_bots_is_not",
        ),
    ),
    Mutant(
        "another bot's mention is answered as a member's",
        "bot/replies.py",
        "    return message.webhook_id is not None and message.interaction_metadata is None\n",
        "    return message.interaction_metadata is None\n",
        (
            "tests/test_bot_e2e.py::test_a_proxied_members_own_mention_is_answered_and_another_bots_is_not",
        ),
    ),
    Mutant(
        "an unsure card with nothing listed says 'these may help'",
        "bot/embeds.py",
        '        title = "Maybe outside this FAQ" if outside else "No close match in this FAQ"\n',
        '        title = "Maybe outside this FAQ" if outside else "Not sure: these may help"\n',
        ("tests/test_bot_e2e.py::test_ask_outside_the_faq_says_what_it_covers",),
    ),
    Mutant(
        "a rate-limit wait rounds to 'try again in 0 seconds'",
        "bot/limits.py",
        "    whole = max(1, math.ceil(seconds))\n",
        "    whole = round(seconds)\n",
        ("tests/test_limits_e2e.py::test_the_mention_limit_never_says_try_again_in_0_s",),
    ),
    Mutant(
        "an answer to a later message in a watched post tags the post",
        MENTIONS,
        "            and target.id == channel.id\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_watched_post_answered_through_a_mention_is_tagged_answered",
        ),
    ),
    Mutant(
        "Worksheet 1-1 line 8 is the conversion's and the distributio"
        "ns' shares rounded apart and added",
        "calculators/form8606.py",
        "    w8 = cents(w5 * w7)\n",
        "    w8 = cents(l8 * w7) + cents(l7 * w7)\n",
        (
            "tests/test_calc_form8606.py::test_worksheet_line_8_is_one_product_and_its_split_adds_up_to_it",
            "tests/test_calc_properties.py::test_worksheet_1_1_line_8_is_line_5_times_line_7_rounded_once",
        ),
    ),
    Mutant(
        "Worksheet 1-1: the distributions' share of line 8 rounded on"
        " its own, not the rest of line 8",
        "calculators/form8606.py",
        "    nontaxable_distributions = w8 - nontaxable_conversion\n",
        "    nontaxable_distributions = cents(l7 * w7)\n",
        (
            "tests/test_calc_form8606.py::test_worksheet_line_8_is_one_product_and_its_split_adds_up_to_it",
            "tests/test_calc_properties.py::test_worksheet_1_1_line_8_is_line_5_times_line_7_rounded_once",
        ),
    ),
    Mutant(
        "Worksheet 1-1: the conversion's share is the conversion x li"
        "ne 7, not line 8 x converted / line 5",
        "calculators/form8606.py",
        "    nontaxable_conversion = share(w8, l8, w5)\n",
        "    nontaxable_conversion = cents(l8 * w7)\n",
        (
            "tests/test_calc_properties.py::test_worksheet_1_1_line_8_is_line_5_times_line_7_rounded_once",
        ),
    ),
    Mutant(
        "Worksheet 1-1 line 13 is the two shares added again, not line 8",
        "calculators/form8606.py",
        "    l13 = w8\n",
        "    l13 = nontaxable_conversion + cents(l7 * w7)\n",
        (
            "tests/test_calc_form8606.py::test_worksheet_line_8_is_one_product_and_its_split_adds_up_to_it",
            "tests/test_calc_properties.py::test_worksheet_1_1_line_8_is_line_5_times_line_7_rounded_once",
        ),
    ),
    Mutant(
        "Worksheet 1-1 line 8's step multiplies the conversion alone by line 7",
        "calculators/form8606.py",
        '= line 5 × line 7 = {usd(w5)} × {w7:.3f} = "',
        '= line 5 × line 7 = {usd(l8)} × {w7:.3f} = "',
        (
            "tests/test_calc_form8606.py::test_worksheet_line_8_is_one_product_and_its_split_adds_up_to_it",
        ),
    ),
    Mutant(
        "schedule: the negative-return shortfall warning comes with a"
        "ny negative return, even at net $0.00",
        "calculators/schedule.py",
        "    if net < 0:",
        "    if r < 0:",
        (
            "tests/test_calc_schedule.py::test_a_negative_return_warns_of_a_shortfall_only_when_there_is_one",
        ),
    ),
    Mutant(
        "schedule: the shortfall warning says each conversion moves l"
        "ess, though those on a payday lose nothing",
        "calculators/schedule.py",
        "the conversions move less than was contributed ",
        "each conversion moves less than was contributed ",
        (
            "tests/test_calc_schedule.py::test_a_negative_return_warns_of_a_shortfall_only_when_there_is_one",
        ),
    ),
    Mutant(
        "schedule: no shortfall warning at all with a negative return",
        "calculators/schedule.py",
        "    if net < 0:",
        "    if net < 0 and False:",
        (
            "tests/test_calc_schedule.py::test_a_negative_return_warns_of_a_shortfall_only_when_there_is_one",
            "tests/test_calc_schedule.py::test_negative_return_has_no_taxable_earnings",
        ),
    ),
    Mutant(
        "gives back a typed code fence inside a code block, altered",
        "bot/cogs/faq_admin.py",
        'if block != f"{label}\\n```\\n{text}\\n```" or len(block) > TYPED_BLOCK_LIMIT:',
        "if len(block) > TYPED_BLOCK_LIMIT:",
        (
            "tests/test_moderation_e2e.py::test_a_form_submitted_after_a_restart_gives_back_what_was_typed",
        ),
    ),
    Mutant(
        "the digest counts questions the FAQ answers since",
        "bot/cogs/housekeeping.py",
        "        items = await asyncio.to_thread(still_open, self.bot.knowledge, queue)\n",
        "        items = queue\n",
        (
            "tests/test_moderation_e2e.py::test_the_mod_log_hears_of_refused_reloads_edits_and_the_queue",
        ),
    ),
    Mutant(
        "the review look fetches only what it shows",
        "bot/review.py",
        "    shown = await asyncio.to_thread(still_open, bot.knowledge, items, QUEUE_LIMIT + 1)",
        "    shown = await asyncio.to_thread(still_open, bot.knowledge, items, QUEUE_LIMIT)",
        (
            "tests/test_moderation_e2e.py::test_the_review_count_says_when_more_wait_than_one_look_shows",
        ),
    ),
    Mutant(
        "gives back double-backtick inline code in a code block, zero-width spaces put in",
        "bot/cogs/faq_admin.py",
        '        if block != f"{label}\\n```\\n{text}\\n```" or len(block) > TYPED_BLOCK_LIMIT:\n',
        '        if "```" in text or len(block) > TYPED_BLOCK_LIMIT:\n',
        (
            "tests/test_moderation_e2e.py::test_text_given_back_with_double_backticks_pastes_back_exactly_as_typed",
        ),
    ),
    Mutant(
        "measures a typed input given back, not its block as sent",
        "bot/cogs/faq_admin.py",
        '        if block != f"{label}\\n```\\n{text}\\n```" or len(block) > TYPED_BLOCK_LIMIT:\n',
        '        if "```" in text or len(text) > TYPED_BLOCK_LIMIT:\n',
        (
            "tests/test_moderation_e2e.py::test_text_given_back_with_double_backticks_pastes_back_exactly_as_typed",
            "tests/test_moderation_e2e.py::test_every_message_of_text_given_back_fits_discord",
        ),
    ),
    Mutant(
        "an edit that leaves the aliases box alone splits an alias written over two lines",
        "bot/cogs/faq_admin.py",
        "        if self.aliases is not None and self.aliases.value != self.aliases.default:\n",
        "        if self.aliases is not None:\n",
        ("tests/test_moderation_e2e.py::test_an_edit_that_leaves_the_aliases_alone_keeps_them",),
    ),
    Mutant(
        "an edited aliases box is ignored",
        "bot/cogs/faq_admin.py",
        "        if self.aliases is not None and self.aliases.value != self.aliases.default:\n",
        "        if self.aliases is not None and False:\n",
        ("tests/test_moderation_e2e.py::test_an_edit_that_leaves_the_aliases_alone_keeps_them",),
    ),
    Mutant(
        "faq gaps cuts to --limit before leaving out what the FAQ answers now",
        "bot/cli/faq.py",
        "store.gaps(days, EVERY_GROUP)",
        "store.gaps(days, args.limit)",
        (
            "tests/test_moderation_e2e.py::test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias",
            "tests/test_storage.py::test_cli_gaps_and_review_leave_out_what_the_faq_answers_now",
        ),
    ),
    Mutant(
        "faq review cuts to --limit before leaving out what the FAQ answers now",
        "bot/cli/faq.py",
        "lambda store: store.review_queue()",
        "lambda store: store.review_queue(args.limit)",
        (
            "tests/test_moderation_e2e.py::test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias",
        ),
    ),
    Mutant(
        "faq gaps and review fail when no FAQ can be loaded",
        "bot/cli/faq.py",
        "    except (CliError, OSError) as exc:\n",
        "    except OSError as exc:\n",
        ("tests/test_storage.py::test_cli_gaps_and_review_leave_out_what_the_faq_answers_now",),
    ),
    Mutant(
        "a mistyped --faq-dir for faq gaps is a warning, not an error",
        "bot/cli/faq.py",
        "    if args.faq_dir is not None:  # (a typo, said with no database too)\n"
        "        require_folder(args.faq_dir)\n    if missing(path):\n"
        '        return no_data(args, path, "groups", days=args.days)\n',
        '    if missing(path):\n        return no_data(args, path, "groups", days=args.days)\n',
        ("tests/test_storage.py::test_cli_gaps_and_review_leave_out_what_the_faq_answers_now",),
    ),
    Mutant(
        "the review queue keeps unanswered questions the FAQ answers now",
        "bot/storage/reports.py",
        '            (isinstance(item, ReviewItem) and item.kind != "unanswered")\n',
        "            isinstance(item, ReviewItem)\n",
        (
            "tests/test_moderation_e2e.py::test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias",
            "tests/test_storage.py::test_cli_gaps_and_review_leave_out_what_the_faq_answers_now",
        ),
    ),
    Mutant(
        "a click a live review answers also gets the stale-review reply",
        "bot/review.py",
        "        and interaction.message.id not in bot.open_reviews\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a review's message is never counted as listening",
        "bot/review.py",
        "            self.bot.open_reviews.add(message.id)\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a review's decision buttons get random ids no fallback recognises",
        "bot/review.py",
        "            decision = f\"{REVIEW_PREFIX}{label.lower().replace(' ', '-')}:{fresh}\"\n",
        "            decision = None\n",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a review's entry menus get random ids no fallback recognises",
        "bot/review.py",
        '                custom_id=f"{REVIEW_PREFIX}entry-{row}:{fresh}",\n',
        "",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a member's click on a stale review takes its buttons away",
        "bot/review.py",
        "    if not is_moderator(bot, interaction.user):\n"
        "        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True)\n"
        "        return\n"
        "    await interaction.response.edit_message(",
        "    if False:\n"
        "        await interaction.response.send_message(ONLY_MODERATORS, ephemeral=True)\n"
        "        return\n"
        "    await interaction.response.edit_message(",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a stale review keeps its dead buttons",
        "bot/review.py",
        "edit_message(content=UNHEARD, view=None, allowed_mentions=NO_PINGS)",
        "edit_message(content=UNHEARD, allowed_mentions=NO_PINGS)",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
        ),
    ),
    Mutant(
        "a click on a review from before a restart is left to fail",
        "bot/cogs/faq_admin.py",
        "        if unheard(self.bot, interaction):\n",
        "        if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_review_clicked_after_a_restart_says_so_and_loses_its_buttons",
            "tests/test_moderation_e2e.py::test_a_review_left_alone_says_it_expired_instead_of_failing_clicks",
        ),
    ),
    Mutant(
        "a click answered with a form restarts the review's wait past its token",
        "bot/review.py",
        "            self.timeout = self._time_left()\n            return True\n",
        "            return True\n",
        (
            "tests/test_moderation_e2e.py::test_a_review_is_marked_expired_while_its_token_lasts_whatever_was_clicked",
            "tests/test_moderation_e2e.py::test_a_decision_that_outlasts_the_review_says_so_and_leaves_no_dead_buttons",
        ),
    ),
    Mutant(
        "a page shown by a click keeps the older token's deadline",
        "bot/review.py",
        "        self._edit, self._edit_made = interaction.edit_origi"
        "nal_response, interaction.created_at\n",
        "        self._edit = interaction.edit_original_response\n",
        (
            "tests/test_moderation_e2e.py::test_a_review_is_marked_expired_while_its_token_lasts_whatever_was_clicked",
        ),
    ),
    Mutant(
        "a page shown by a click does not restart the review's wait",
        "bot/review.py",
        "        self.timeout = self._time_left()\n\n    # -- paging",
        "\n    # -- paging",
        (
            "tests/test_moderation_e2e.py::test_a_review_is_marked_expired_while_its_token_lasts_whatever_was_clicked",
        ),
    ),
    Mutant(
        "a decision ending after the review stopped shows buttons nothing answers",
        "bot/review.py",
        "        if self.is_finished():  # the wait ran out while this click was handled\n",
        "        if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_decision_that_outlasts_the_review_says_so_and_leaves_no_dead_buttons",
        ),
    ),
    Mutant(
        "a rejected answer is posted again under its question",
        MENTIONS,
        "self.bot, question, asker_id=target.author.id, rejected=rejected\n",
        "self.bot, question, asker_id=target.author.id\n",
        (
            "tests/test_bot_e2e.py::test_an_answer_the_asker_rejected_is_not_posted_again_under_their_question",
            "tests/test_bot_e2e.py::test_a_removed_post_answer_or_pointer_is_not_given_again_under_its_question",
        ),
    ),
    Mutant(
        "the answers rejected are looked up under the mention, not the question it answers",
        MENTIONS,
        "rejected = await self._rejected(target.id)",
        "rejected = await self._rejected(message.id)",
        (
            "tests/test_bot_e2e.py::test_an_answer_the_asker_rejected_is_not_posted_again_under_their_question",
        ),
    ),
    Mutant(
        "Not what I asked does not record the rejected entry for the question",
        "bot/views.py",
        "            return await bot.store.record_rejected(question, self.entry_id)\n",
        "            return True\n",
        (
            "tests/test_bot_e2e.py::test_an_answer_the_asker_rejected_is_not_posted_again_under_their_question",
            "tests/test_bot_e2e.py::test_a_removed_post_answer_or_pointer_is_not_given_again_under_its_question",
        ),
    ),
    Mutant(
        "a forum post's own answer, rejected, is recorded under no question",
        "bot/views.py",
        "    return channel.id if isinstance(channel, discord.Thread) else None\n",
        "    return None\n",
        (
            "tests/test_bot_e2e.py::test_a_removed_post_answer_or_pointer_is_not_given_again_under_its_question",
        ),
    ),
    Mutant(
        "an entry rejected under a question is still offered in the menu under it",
        "bot/answering.py",
        "        kept = tuple(h for h in result.suggestions if h.id not in rejected)\n",
        "        kept = result.suggestions\n",
        (
            "tests/test_bot_e2e.py::test_a_removed_post_answer_or_pointer_is_not_given_again_under_its_question",
        ),
    ),
    Mutant(
        "the card in place of a rejected answer files the question again as unanswered",
        "bot/answering.py",
        "    if reply.removed is not None:\n        return",
        "    if False:\n        return",
        (
            "tests/test_bot_e2e.py::test_an_answer_the_asker_rejected_is_not_posted_again_under_their_question",
        ),
    ),
    Mutant(
        "SQLite: a rejection recorded twice (a double click) fails",
        "bot/storage/sqlite.py",
        '"INSERT OR IGNORE INTO rejected_answers',
        '"INSERT INTO rejected_answers',
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[sqlite]",
        ),
    ),
    Mutant(
        "SQLite: rejections go with the question text, not with the claims (30 days at least)",
        "bot/storage/sqlite.py",
        '"DELETE FROM rejected_answers WHERE rejected_at < ?", (claims_cutoff,)',
        '"DELETE FROM rejected_answers WHERE rejected_at < ?", (cutoff,)',
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[sqlite]",
        ),
    ),
    Mutant(
        "PostgreSQL: a rejection recorded twice (a double click) fails",
        "bot/storage/postgres.py",
        ' VALUES ($1, $2, $3) ON CONFLICT (question_id, entry_id) DO NOTHING",',
        ' VALUES ($1, $2, $3)",',
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[postgres]",
        ),
    ),
    Mutant(
        "PostgreSQL: rejections go with the question text, not with the claims",
        "bot/storage/postgres.py",
        '"DELETE FROM rejected_answers WHERE rejected_at < $1", claims, timeout=slow',
        '"DELETE FROM rejected_answers WHERE rejected_at < $1", cutoff, timeout=slow',
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[postgres]",
        ),
    ),
    Mutant(
        "MemoryStore: rejections go with the question text, not with the claims",
        "bot/storage/memory.py",
        "kept_from = days_ago(max(older_than_days, CLAIM_MIN_DAYS)) or cutoff",
        "kept_from = cutoff",
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[memory]",
        ),
    ),
    Mutant(
        "SQLite: the rejections of every question are read as this one's",
        "bot/storage/sqlite.py",
        '"SELECT entry_id FROM rejected_answers WHERE question_id = ?", (question_id,)',
        '"SELECT entry_id FROM rejected_answers WHERE question_id > ?", (0,)',
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[sqlite]",
        ),
    ),
    Mutant(
        "a pointed answer is not recorded as the reply to the message pointed at",
        "bot/cogs/point.py",
        "            await remember_reply(bot, target.id, sent)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
            "tests/test_bot_e2e.py::test_a_reply_discord_will_not_delete_leaves_the_others_going",
        ),
    ),
    Mutant(
        "a reply already gone stops the deleted question's other replies going",
        DELETIONS,
        "                continue  # (gone already: removed as not wh"
        "at was asked, or by a moderator)",
        "                break",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
        ),
    ),
    Mutant(
        "a reply Discord will not delete stops the deleted question's other replies going",
        DELETIONS,
        "            except NETWORK_ERRORS as exc:\n                log.warning(\n"
        '                    "could not delete reply',
        "            except discord.NotFound as exc:\n                log.warning(\n"
        '                    "could not delete reply',
        ("tests/test_bot_e2e.py::test_a_reply_discord_will_not_delete_leaves_the_others_going",),
    ),
    Mutant(
        "a post whose answer went with its opening message keeps the answered tag",
        DELETIONS,
        "        if deleted and message_id == channel_id:",
        "        if False:",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
        ),
    ),
    Mutant(
        "SQLite: the replies to a message are taken but not forgotten (two processes delete them)",
        "bot/storage/sqlite.py",
        '            await db.execute("DELETE FROM bot_replies WHERE '
        'question_id = ?", (question_id,))\n',
        "",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[sqlite]",),
    ),
    Mutant(
        "SQLite: a reply recorded twice fails",
        "bot/storage/sqlite.py",
        '"INSERT OR IGNORE INTO bot_replies',
        '"INSERT INTO bot_replies',
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[sqlite]",),
    ),
    Mutant(
        "SQLite: a first look finding nothing is trusted as finding something",
        "bot/storage/sqlite.py",
        "            if not await db.execute_fetchall(sql, (question_id,)):\n",
        "            if True:\n",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[sqlite]",),
    ),
    Mutant(
        "SQLite: the replies go with the question text, not with the claims",
        "bot/storage/sqlite.py",
        '"DELETE FROM bot_replies WHERE sent_at < ?", (claims_cutoff,)',
        '"DELETE FROM bot_replies WHERE sent_at < ?", (cutoff,)',
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[sqlite]",),
    ),
    Mutant(
        "PostgreSQL: a reply recorded twice fails",
        "bot/storage/postgres.py",
        ' VALUES ($1, $2, $3, $4) ON CONFLICT (reply_id) DO NOTHING",',
        ' VALUES ($1, $2, $3, $4)",',
        (
            "tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[postgres]",
        ),
    ),
    Mutant(
        "PostgreSQL: the replies go with the question text, not with the claims",
        "bot/storage/postgres.py",
        '"DELETE FROM bot_replies WHERE sent_at < $1", claims, timeout=slow',
        '"DELETE FROM bot_replies WHERE sent_at < $1", cutoff, timeout=slow',
        (
            "tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[postgres]",
        ),
    ),
    Mutant(
        "MemoryStore: the replies are never purged",
        "bot/storage/memory.py",
        "        self.replies = {k: v for k, v in self.replies.items() if v[1] >= kept_from}\n",
        "",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged[memory]",),
    ),
    Mutant(
        "lets a blank variable in the environment hide .env",
        "bot/settings.py",
        "        return init_settings, _Env(settings_cls), dotenv, toml",
        "        return init_settings, env_settings, dotenv, toml",
        (
            "tests/test_settings.py::test_a_blank_variable_hides_nothing_from_env_file_or_settings_file",
        ),
    ),
    Mutant(
        "a folder gone is served from its last copy",
        "knowledge/base.py",
        "            usable = folder_refusal(folder) is None and folder.is_dir()",
        "            usable = folder_refusal(folder) is None",
        ("tests/test_last_good.py::test_a_folder_gone_is_no_edit_half_done",),
    ),
    Mutant(
        "validating a file reports an examples folder inside it too",
        "knowledge/base.py",
        "    if folder_refusal(folder) is not None or not folder.is_dir():",
        "    if False:",
        ("tests/test_faq_validation.py::test_cli_validate_a_file_or_an_empty_folder_name",),
    ),
    Mutant(
        "an FAQ folder the bot may not read crashes the look at its files",
        "knowledge/loader.py",
        "            paths = list(folder.glob(pattern))\n        except OSError:",
        "            paths = list(folder.glob(pattern))\n        except FileNotFoundError:",
        (
            "tests/test_last_good.py::test_a_folder_the_bot_may_not_read_is_no_edit_half_done",
            "tests/test_moderation_e2e.py::test_a_folder_the_bot_may_no_longer_read_is_a_refused_reload",
        ),
    ),
    Mutant(
        "a folder above the FAQ closed to the bot crashes validate",
        "knowledge/loader.py",
        "    if (refused := folder_refusal(faq_dir)) is not None:  # (is_dir raises for some)",
        "    if False:  # (is_dir raises for some)",
        (
            "tests/test_startup_failures.py::test_an_faq_folder_refused_in_this_process_is_one_error_line",
            "tests/test_startup_failures.py::test_validate_lists_an_faq_folder_it_may_not_read_as_its_problem",
        ),
    ),
    Mutant(
        "a folder closed to the bot is served from its last copy",
        "knowledge/base.py",
        "            usable = folder_refusal(folder) is None and folder.is_dir()",
        "            usable = folder.is_dir()",
        ("tests/test_last_good.py::test_a_folder_the_bot_may_not_read_is_no_edit_half_done",),
    ),
    Mutant(
        "a closed FAQ folder is told as an FAQ with problems",
        "bot/cli/common.py",
        "    if (refused := folder_refusal(folder)) is not None:\n"
        '        raise CliError(f"cannot read the FAQ folder {folder} ({named}): {refused}")',
        "    if False:\n"
        '        raise CliError(f"cannot read the FAQ folder {folder} ({named}): {refused}")',
        (
            "tests/test_startup_failures.py::test_an_faq_folder_refused_in_this_process_is_one_error_line",
            "tests/test_startup_failures.py::test_an_faq_folder_the_bot_may_not_read_is_one_error_line",
        ),
    ),
    Mutant(
        "ROLLOVER_CONFIG and ROLLOVER_CACHE_DIR in .env are refused as typos",
        "bot/settings.py",
        "        for name in _NOT_SETTINGS:  # (taken before the settings are read)\n"
        "            data.pop(name, None)\n",
        "",
        (
            "tests/test_settings.py::test_rollover_config_in_env_file_chooses_the_settings_file",
            "tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",
        ),
    ),
    Mutant(
        "ROLLOVER_CONFIG in .env chooses no settings file",
        "bot/settings.py",
        '        if not chosen and (chosen := dotenv.ours("ROLLOVER_CONFIG")):',
        '        if False and (chosen := dotenv.ours("ROLLOVER_CONFIG")):',
        ("tests/test_settings.py::test_rollover_config_in_env_file_chooses_the_settings_file",),
    ),
    Mutant(
        "the no-token error names no .env file",
        "bot/startup.py",
        'set DISCORD_TOKEN in the environment or in {read} "',
        'set DISCORD_TOKEN in the environment or in .env "',
        ("tests/test_startup_failures.py::test_no_token_names_the_env_file_it_read",),
    ),
    Mutant(
        "the no-token error names the .env file relative",
        "bot/settings.py",
        "    return Path(ENV_FILE).absolute()",
        "    return Path(ENV_FILE)",
        ("tests/test_startup_failures.py::test_no_token_names_the_env_file_it_read",),
    ),
    Mutant(
        "a .env file without a token is said not to be there",
        "bot/startup.py",
        '        state = "it has no token" if read.is_file() else "there is no such file"',
        '        state = "there is no such file"',
        ("tests/test_startup_failures.py::test_no_token_names_the_env_file_it_read",),
    ),
    Mutant(
        "a token in quotes is refused as not a token",
        "bot/startup.py",
        '    if len(token) >= 2 and token[0] == token[-1] and token[0] in "\\"\'":',
        "    if False:",
        ("tests/test_secrets.py::test_a_token_in_quotes_from_the_environment_is_the_token_inside",),
    ),
    Mutant(
        "a token in single quotes keeps them",
        "bot/startup.py",
        'token[0] in "\\"\'":',
        'token[0] in "\\"":',
        ("tests/test_secrets.py::test_a_token_in_quotes_from_the_environment_is_the_token_inside",),
    ),
    Mutant(
        "quotes that do not match are taken off",
        "bot/startup.py",
        "    if len(token) >= 2 and token[0] == token[-1] and ",
        "    if len(token) >= 2 and ",
        ("tests/test_secrets.py::test_quotes_that_hold_no_token_or_do_not_match_are_refused",),
    ),
    Mutant(
        "a quote left in the token is blamed on its shape",
        "bot/startup.py",
        "        if \"'\" in token or '\"' in token:",
        "        if False:",
        ("tests/test_secrets.py::test_quotes_that_hold_no_token_or_do_not_match_are_refused",),
    ),
    Mutant(
        "SIGTERM kills the console without giving the terminal back",
        "bot/cli/service.py",
        "        with _terminated_raises():\n            kb, fallback = serving_knowledge(args)\n"
        "            return console.run(",
        "        with contextlib.nullcontext():\n"
        "            kb, fallback = serving_knowledge(args)\n            return console.run(",
        (
            "tests/test_console.py::test_sigterm_stops_the_console_as_ctrl_c_does_and_gives_the_terminal_back",
        ),
    ),
    Mutant(
        "the console stopped by SIGTERM exits 143",
        "bot/cli/service.py",
        "    except Terminated:  # (a stop asked for: the console's session ends as at Ctrl-C)\n"
        "        return 0\n",
        "    except Terminated:\n        return 143\n",
        (
            "tests/test_console.py::test_sigterm_stops_the_console_as_ctrl_c_does_and_gives_the_terminal_back",
        ),
    ),
    Mutant(
        "a stop closes the connection and the database under the replies in progress",
        "bot/app.py",
        "        await self._let_replies_finish()\n",
        "",
        ("tests/test_processes_e2e.py::test_a_stop_lets_a_reply_being_finished_finish",),
    ),
    Mutant(
        "a stop waits for the replies in progress for ever",
        "bot/app.py",
        "            await asyncio.wait_for(self._idle.wait(), STOP_GRACE_SECONDS)\n",
        "            await self._idle.wait()\n",
        ("tests/test_processes_e2e.py::test_a_stop_waits_for_a_reply_a_few_seconds_not_for_ever",),
    ),
    Mutant(
        "dev.py run runs the bot as a child again",
        "dev.py",
        "    os.execv(script, [script, *args])\n",
        "    return subprocess.call([script, *args])\n",
        (
            "tests/test_dev.py::test_ctrl_c_on_dev_py_run_stops_the_bot_quietly",
            "tests/test_dev.py::test_sigterm_to_dev_py_run_stops_the_bot_too",
        ),
    ),
    Mutant(
        "dev.py test dies on Ctrl-C with a traceback, killing its step",
        "dev.py",
        "            except KeyboardInterrupt:\n                interrupted = True\n",
        "            except ProcessLookupError:\n                interrupted = True\n",
        ("tests/test_dev.py::test_ctrl_c_on_dev_py_test_lets_the_step_stop_by_itself",),
    ),
    Mutant(
        "a mention's answer is not recorded as the reply to its question",
        MENTIONS,
        "        kept = await remember_reply(self.bot, target.id, sent)\n",
        "        kept = True\n",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_the_bots_answer_with_it_also_after_a_restart",
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
        ),
    ),
    Mutant(
        "a forum post's answer is not recorded as the reply to its opening message",
        "bot/cogs/answers.py",
        "        kept = await remember_reply(self.bot, starter.id, sent)\n",
        "        kept = True\n",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
        ),
    ),
    Mutant(
        "a reply recorded after its question was deleted stays",
        "bot/answering.py",
        "    if not bot.deleted_lately.seen(question_id):\n        return True\n",
        "    if True:\n        return True\n",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_its_answer_is_being_recorded_takes_the_answer",
        ),
    ),
    Mutant(
        "a deleted message is not noted as deleted lately",
        DELETIONS,
        "        self.bot.deleted_lately.claim(payload.message_id)  # (before any await)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_its_answer_is_being_recorded_takes_the_answer",
        ),
    ),
    Mutant(
        "messages deleted in bulk are not noted as deleted lately",
        DELETIONS,
        "        for message_id in payload.message_ids:\n"
        "            self.bot.deleted_lately.claim(message_id)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_its_answer_is_being_recorded_takes_the_answer",
        ),
    ),
    Mutant(
        "a late reply to a deleted question is not deleted",
        DELETIONS,
        "        with self._deletion([message_id]):\n"
        "            await self._answers_go_with(message_id, channel_id, guild_id)\n",
        "        with self._deletion([message_id]):\n            pass\n",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_its_answer_is_being_recorded_takes_the_answer",
        ),
    ),
    Mutant(
        "a forum post whose opening message went while its answer was recorded is tagged answered",
        "bot/cogs/answers.py",
        "        if reply.result.answered and kept:\n",
        "        if reply.result.answered:\n",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_its_answer_is_being_recorded_takes_the_answer",
        ),
    ),
    Mutant(
        "a stop does not wait for an answer recorded after its question went to go",
        DELETIONS,
        "        with self._deletion([message_id]):\n"
        "            await self._answers_go_with(message_id, channel_id, guild_id)\n",
        "        await self._answers_go_with(message_id, channel_id, guild_id)\n",
        (f"{E2E}::test_a_stop_lets_an_answer_recorded_after_its_question_went_go",),
    ),
    Mutant(
        "the miss of a forum post's own answer records no question",
        "bot/views.py",
        '        elif asked_id is not None and hasattr(channel, "fetch_message"):\n',
        "        elif False:\n",
        ("tests/test_bot_e2e.py::test_a_retag_lost_on_the_wire_still_records_the_miss",),
    ),
    Mutant(
        "ROLLOVER_CONFIG from .env wins over the environment",
        "bot/settings.py",
        '        chosen, named = os.environ.get("ROLLOVER_CONFIG", ""'
        ').strip(), "ROLLOVER_CONFIG"\n        if not chosen and (',
        '        chosen, named = os.environ.get("ROLLOVER_CONFIG", ""'
        ').strip(), "ROLLOVER_CONFIG"\n        if (',
        ("tests/test_settings.py::test_rollover_config_in_env_file_chooses_the_settings_file",),
    ),
    Mutant(
        "ROLLOVER_CACHE_DIR and ROLLOVER_EMBEDDINGS in .env are not read",
        "bot/settings.py",
        "    return [dotenv.ours(name) for name in names]",
        "    return [None for name in names]",
        (
            "tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",
            "tests/test_settings.py::test_embeddings_turned_off_from_the_environment_or_the_env_file",
        ),
    ),
    Mutant(
        "ROLLOVER_CACHE_DIR from .env wins over the environment",
        "knowledge/cache.py",
        '    configured = os.environ.get("ROLLOVER_CACHE_DIR", "").strip() or _env_file_folder\n',
        '    configured = _env_file_folder or os.environ.get("ROLLOVER_CACHE_DIR", "").strip()\n',
        ("tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",),
    ),
    Mutant(
        "quotes around nothing are taken for a token",
        "bot/startup.py",
        "    return _unquoted(settings.token.get_secret_value()) if s"
        'ettings.token is not None else ""',
        "    return settings.token.get_secret_value().strip() if sett"
        'ings.token is not None else ""',
        (
            "tests/test_secrets.py::test_quotes_that_hold_no_token_or_do_not_match_are_refused",
            "tests/test_secrets.py::test_a_token_in_quotes_from_the_environment_is_the_token_inside",
        ),
    ),
    Mutant(
        "SIGTERM kills rollover-bot run outright",
        "bot/cli/service.py",
        "            loop.add_signal_handler(each, stop, each)\n",
        "            pass\n",
        (
            "tests/test_processes_e2e.py::test_a_reply_in_flight_when_the_bot_is_stopped_is_sent_at_once_after_a_restart",
        ),
    ),
    Mutant(
        "a stop asked for with SIGTERM exits as a failure",
        "bot/cli/service.py",
        "    except asyncio.CancelledError:\n        if began is None:\n            raise\n",
        "    except asyncio.CancelledError:\n        raise\n",
        (
            "tests/test_processes_e2e.py::test_a_reply_in_flight_when_the_bot_is_stopped_is_sent_at_once_after_a_restart",
        ),
    ),
    Mutant(
        "bare rollover-bot takes quotes around nothing for a token",
        "bot/cli/service.py",
        "    if has_token(settings()) or _input_is_devnull():\n",
        "    if (cfg := settings()).token is not None and cfg.token.get_secret_value().strip()"
        " or _input_is_devnull():\n",
        ("tests/test_console.py::test_bare_command_without_token_opens_the_console",),
    ),
    Mutant(
        "has_token: any token set, quotes around nothing included",
        "bot/startup.py",
        "    return bool(_configured(settings))\n",
        "    return settings.token is not None\n",
        ("tests/test_console.py::test_bare_command_without_token_opens_the_console",),
    ),
    Mutant(
        "a second signal during the stop cancels the close part-way again",
        "bot/cli/service.py",
        "            signal.signal(each, lambda *_: _die_of(signum))  # (left in place: exiting)\n",
        "            pass\n",
        (
            "tests/test_processes_e2e.py::test_a_second_signal_during_the_stop_ends_it_at_once_as_the_first_would_have",
        ),
    ),
    Mutant(
        "a second signal ends the stop as itself, not as the first",
        "bot/cli/service.py",
        "lambda *_: _die_of(signum)",
        "lambda second, _: _die_of(second)",
        (
            "tests/test_processes_e2e.py::test_a_second_signal_during_the_stop_ends_it_at_once_as_the_first_would_have",
        ),
    ),
    Mutant(
        "a clean Ctrl-C stop exits 0",
        "bot/cli/service.py",
        "    return 130 if stopped_by == signal.SIGINT else 0\n",
        "    return 0\n",
        (
            "tests/test_processes_e2e.py::test_a_reply_in_flight_when_the_bot_is_stopped_is_sent_at_once_after_a_restart",
        ),
    ),
    Mutant(
        "the shared CLAIM_MIN_DAYS shrinks to a day",
        "bot/storage/base.py",
        "CLAIM_MIN_DAYS = 30\n",
        "CLAIM_MIN_DAYS = 1\n",
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[memory]",
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[sqlite]",
        ),
    ),
    Mutant(
        "the command line does not hand .env's cache folder over",
        "bot/cli/common.py",
        "    cache.use_env_file_folder(folder)",
        "    pass",
        ("tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",),
    ),
    Mutant(
        "loading the settings copies .env's cache folder into the environment again",
        "bot/cli/common.py",
        "    cache.use_env_file_folder(folder)",
        "    __import__('os').environ.setdefault('ROLLOVER_CACHE_DIR'"
        ", folder or ''); cache.use_env_file_folder(folder)",
        ("tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",),
    ),
    Mutant(
        "a .env cache folder wins over the environment's",
        "knowledge/cache.py",
        'os.environ.get("ROLLOVER_CACHE_DIR", "").strip() or _env_file_folder',
        '_env_file_folder or os.environ.get("ROLLOVER_CACHE_DIR", "").strip()',
        ("tests/test_settings.py::test_rollover_cache_dir_in_env_file_is_the_cache_folder",),
    ),
    Mutant(
        "ROLLOVER_CONFIG of spaces is a settings file named ' '",
        "bot/settings.py",
        'os.environ.get("ROLLOVER_CONFIG", "").strip(), "ROLLOVER_CONFIG"',
        'os.environ.get("ROLLOVER_CONFIG", ""), "ROLLOVER_CONFIG"',
        ("tests/test_settings.py::test_rollover_config_in_env_file_chooses_the_settings_file",),
    ),
    Mutant(
        "a settings id that cannot exist is accepted",
        "bot/settings.py",
        "    if not 0 < value < 2**64:\n",
        "    if not value:\n",
        ("tests/test_settings.py::test_a_number_that_cannot_be_a_discord_id_is_refused_by_name",),
    ),
    Mutant(
        "a shard listed twice is accepted",
        "bot/settings.py",
        "        if len(set(self.shard_ids)) < len(self.shard_ids):\n",
        "        if False:\n",
        ("tests/test_settings.py::test_a_shard_listed_twice_is_refused_and_shard_zero_is_a_shard",),
    ),
    Mutant(
        "an entry shown by /faq or a pick is followed by an apology when its served count fails",
        "bot/views.py",
        "    try:\n        await bot.store.record_served(entry_id)\n    except Exception as exc:\n"
        '        log_store_failure(log, exc, "could not count entry %s as served", entry_id)\n',
        "    await bot.store.record_served(entry_id)\n",
        (
            "tests/test_bot_e2e.py::test_an_entry_shown_is_not_followed_by_an_apology_when_counting_it_fails",
        ),
    ),
    Mutant(
        "Answer with FAQ on a forwarded message reads only its own (e"
        "mpty) words and says it has no text",
        "bot/replies.py",
        "    return strip_mentions(words_of(message))\n",
        "    return strip_mentions(message.content)\n",
        ("tests/test_bot_e2e.py::test_a_forwarded_question_can_be_pointed_at_an_entry",),
    ),
    Mutant(
        "console: a line not in stdin's encoding ends the session with a traceback",
        "bot/cli/service.py",
        '        reconfigure(errors="replace")\n    try:\n        # (SIGTERM while the FAQ loads',
        "        pass\n    try:\n        # (SIGTERM while the FAQ loads",
        (
            "tests/test_console.py::test_a_line_that_is_not_in_the_terminals_encoding_does_not_end_the_console",
        ),
    ),
    Mutant(
        "ask text / console: the answers to a post's other questions are not shown",
        "bot/cli/ask.py",
        "    for hit in result.also:\n"
        '        text += f"\\n\\n{terminal.render_layout(kb.short(hit.id), width, '
        'footer=False)}"\n',
        "",
        ("tests/test_cli_ask.py::test_a_post_asking_two_things_reads_both_answers_in_text",),
    ),
    Mutant(
        "ask text / console: an entry answered as the post's other qu"
        "estion is offered again under See also",
        "bot/cli/ask.py",
        "related = set(kb.entries[result.best.id].related) | {h.id for h in result.also}",
        "related = set(kb.entries[result.best.id].related)",
        ("tests/test_cli_ask.py::test_a_post_asking_two_things_reads_both_answers_in_text",),
    ),
    Mutant(
        "faq gaps/review: a huge --limit is a traceback",
        "bot/cli/faq.py",
        "most = min(args.limit, sys.maxsize - 1)",
        "most = args.limit",
        ("tests/test_storage.py::test_cli_reports_take_a_limit_of_any_size_as_all",),
    ),
    Mutant(
        "PostgreSQL processes purging at once deadlock (no purge lock)",
        "bot/storage/postgres.py",
        '            await db.execute("SELECT pg_advisory_xact_lock($'
        '1)", _PURGE_LOCK, timeout=slow)\n',
        "",
        (
            "tests/test_storage.py::test_two_processes_on_one_postgres_purge_at_once_without_failing",
        ),
    ),
    Mutant(
        "reports cannot read a stopped bot's WAL database from a folder they may not write",
        "bot/storage/sqlite.py",
        "            if not (self.read_only and _cannot_make_wal_index(exc)) or wal.exists():\n"
        "                raise\n",
        "            raise\n",
        (
            "tests/test_storage.py::test_cli_reports_read_a_stopped_bots_database_in_a_folder_they_may_not_write",
        ),
    ),
    Mutant(
        "a reports role missing a table grant gets a traceback instead of one error line",
        "bot/cli/faq.py",
        "        if isinstance(exc, asyncpg.InsufficientPrivilegeError):\n"
        "            raise CliError(said) from None\n        raise CliFailure(said) from None\n",
        "        raise\n",
        ("tests/test_storage.py::test_a_role_that_may_read_some_tables_only_is_one_error_line",),
    ),
    Mutant(
        "a database folder linked to nowhere is reported as a file in the way",
        "bot/storage/sqlite.py",
        "    if blocker.is_symlink() and not blocker.exists():\n",
        "    if False:\n",
        ("tests/test_storage.py::test_a_database_folder_linked_to_nowhere_is_named",),
    ),
    Mutant(
        "the validate command suggested for a broken FAQ splits a folder name with a space",
        "bot/cli/common.py",
        "--faq-dir {shlex.quote(str(folder))}",
        "--faq-dir {folder}",
        (
            "tests/test_cli_ask.py::test_the_validate_command_suggested_for_a_broken_faq_runs_as_pasted",
        ),
    ),
    Mutant(
        "the console's /room says a year should look like 12",
        "calculators/room.py",
        "    return parse_year(value) if isinstance(value, str) else value\n",
        "    return parse_int(value) if isinstance(value, str) else value\n",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "a total said with a comparison ('worth $300 more') is worked"
        " through as the account's value",
        "calculators/amount_doubts.py",
        '    if kind == "total" and _COMPARED_AFTER.match(text, end):\n        return True\n',
        "",
        (
            "tests/test_bot_e2e.py::test_an_amount_said_as_more_or_less_than_before_is_not_taken_as_the_total",
        ),
    ),
    Mutant(
        "an amount taken out ('I'm cashing out $5,000') is left aside "
        "and the whole account is worked through",
        "calculators/amount_words.py",
        '    "take takes took taking pull pulls pulled pulling cash cashed cashing "\n',
        "",
        (
            "tests/test_bot_e2e.py::test_an_amount_taken_out_of_the_account_gets_no_whole_account_example",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "an amount named as a distribution ('a $5,000 distribution') "
        "is left aside and the whole account is worked through",
        "calculators/from_text.py",
        "    return bool(MOVE_WORDS.intersection(said) or MOVE_NOUNS.intersection(named))",
        "    return bool(MOVE_WORDS.intersection(said))",
        (
            "tests/test_bot_e2e.py::test_an_amount_taken_out_of_the_account_gets_no_whole_account_example",
        ),
    ),
    Mutant(
        "a name after an amount's comma or line ('Basis: $20,000\\nEar"
        "nings: $300') is taken as that amount's, and a plain list gets no worked example",
        "calculators/from_text.py",
        "        far = WINDOW if distance > own else 0\n",
        "        far = 0\n",
        (
            "tests/test_bot_e2e.py::test_amounts_listed_after_their_names_are_worked_through",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "pretax money spelled with a space ('$23,000 pre tax') is wor"
        "ked through as nontaxable after-tax basis",
        "calculators/amount_words.py",
        '    lowered = _TWO_WORD_TAX.sub(lambda m: "-".join(filter'
        "(None, m.groups())), text.lower())\n    return _WORD.findall(lowered)",
        "    return _WORD.findall(text.lower())",
        (
            "tests/test_bot_e2e.py::test_pre_tax_money_spelled_with_a_space_is_not_worked_through_as_basis",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "a label before an amount ('Pre-tax contributions: $23,000') "
        "is not read as its words, and pretax money is worked through as basis",
        "calculators/amount_doubts.py",
        "    head = heads[-2] if labelled else heads[-1]\n",
        "    head = heads[-1]\n",
        (
            "tests/test_bot_e2e.py::test_pretax_money_named_in_a_label_or_brackets_is_not_worked_through_as_basis",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "an aside right after an amount ('$23,000 (pre-tax)', '$23,00"
        "0, all pre-tax,') is not read as its words, and pretax money is worked through as basis",
        "calculators/amount_doubts.py",
        "    tail = tails[1] if len(tails) > 1 and not tails[0].strip() else tails[0]\n",
        "    tail = tails[0]\n",
        (
            "tests/test_bot_e2e.py::test_pretax_money_named_in_a_label_or_brackets_is_not_worked_through_as_basis",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "a question's new total is taken for its earnings",
        "calculators/from_text.py",
        "        kind = _change_kind(before) or _nearest(before, after, own)",
        "        kind = _nearest(before, after, own)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "the words naming the part name the total too",
        "calculators/from_text.py",
        "        rest = PART_BEFORE.split(text[match.end() : stop], 1)[0]",
        "        rest = text[match.end() : stop]",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a missed mention is reviewed with the bot's mention in it",
        "bot/replies.py",
        "    return strip_mentions(words_of(message))\n",
        "    return words_of(message)\n",
        (
            "tests/test_moderation_e2e.py::test_a_missed_mention_answer_is_reviewed_and_taught_without_the_bots_mention",
        ),
    ),
    Mutant(
        "faq gaps and review list questions the FAQ answers now",
        "bot/cli/faq.py",
        "    kept = items[: most + 1] if knowledge is None else "
        "still_open(knowledge, items, most + 1)\n",
        "    kept = items[: most + 1]\n",
        (
            "tests/test_moderation_e2e.py::test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias",
            "tests/test_storage.py::test_cli_gaps_and_review_leave_out_what_the_faq_answers_now",
        ),
    ),
    Mutant(
        "schedule assumes a settlement lag by default, off the CLI contract's model",
        "calculators/schedule.py",
        "DEFAULT_LAG_DAYS = 0\n",
        "DEFAULT_LAG_DAYS = 3\n",
        (
            "tests/test_calc_cli.py::test_schedule_json_follows_the_contracts_model_by_default",
            "tests/test_calc_schedule.py::test_by_default_a_conversion_settles_on_its_date_as_the_cli_contract_models_it",
        ),
    ),
    Mutant(
        "Answer with FAQ on a forwarded screenshot says it has no text",
        "bot/replies.py",
        "    shown = [message, *message.message_snapshots]\n",
        "    shown = [message]\n",
        ("tests/test_bot_e2e.py::test_a_screenshot_alone_can_be_pointed_at_an_entry",),
    ),
    Mutant(
        "an edit from Discord the folder watcher reloaded first is said as '0 changed'",
        "bot/cogs/faq_admin.py",
        "            result = dataclasses.replace(result, diff=diff)\n",
        "            pass\n",
        (
            "tests/test_moderation_e2e.py::test_an_edit_from_discord_says_what_it_changed_when_the_watcher_reloaded_first",
        ),
    ),
    Mutant(
        "a watched folder given as a relative path (or through a link"
        ") is said changed at start, and a bot started from the last "
        "complete FAQ posts a false 'reload refused'",
        "bot/cogs/faq_watch.py",
        "folder_signature(self.bot.faq_dir) != since",
        "folder_signature(folder) != since",
        (
            "tests/test_last_good.py::test_a_watched_folder_given_as_a_relative_path_is_not_said_changed_at_start",
        ),
    ),
    Mutant(
        "a broken edit reverted leaves 'Fix these and save again' as the mod log's last word",
        "bot/app.py",
        "mended=result.ok and self.said_broken)",
        "mended=False)",
        (
            "tests/test_moderation_e2e.py::test_the_mod_log_hears_when_a_broken_edit_it_was_told_of_is_reverted",
            "tests/test_last_good.py::test_the_files_fixed_as_they_last_loaded_are_said_loaded_again",
        ),
    ),
    Mutant(
        "a refused save puts its problems in its words, cut mid-line uncounted",
        "knowledge/editing.py",
        '                "saved (fix them, then save again):",\n                problems,\n',
        '                "saved (fix them, then save again):\\n" + "\\n'
        '".join(map(str, problems)),\n',
        (
            "tests/test_moderation_e2e.py::test_a_save_refused_for_many_problems_lists_them_fenced_and_counted",
        ),
    ),
    Mutant(
        "an edit refused for other files' problems is told its entry is not valid",
        "knowledge/editing.py",
        "        if all(Path(p.path).name != path.name for p in problems):\n",
        "        if False:\n",
        ("tests/test_faq_editing.py::test_an_edit_refused_for_other_files_problems_only_says_so",),
    ),
    Mutant(
        "a mention edited into a post the bot was unsure about takes "
        "the unsure line for an answer and is ignored",
        "bot/cogs/answers.py",
        "        if found is None or found.content == UNSURE_LINE or self.bot.user is None:\n",
        "        if found is None or self.bot.user is None:\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_the_bot_was_unsure_about_is_answered",
        ),
    ),
    Mutant(
        "a post whose answer a moderator deletes outright keeps its a"
        "nswered tag, hidden from helpers",
        "bot/forum_tags.py",
        "        if tagged_answered(bot, thread):\n"
        "            await retag_for_people(bot, thread)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_moderator_deleting_the_posts_answer_hands_the_post_to_people",
        ),
    ),
    Mutant(
        "a retried '@bot' under an answered question sends its link t"
        "o the answer again when Discord posted it but the response was lost",
        "bot/cogs/answers.py",
        "        if also is not None:\n            answers.add(also.id)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_pointer_to_an_earlier_answer_whose_response_was_lost_is_not_sent_twice",
        ),
    ),
    Mutant(
        "looks for a retried mention's reply from the question on",
        MENTIONS,
        "                message.channel, message, under=target, aski"
        "ng=bool(question), also=message\n",
        "                message.channel, target, under=target, askin"
        "g=bool(question), also=message\n",
        (
            "tests/test_faults_e2e.py::test_a_mention_answering_an_older_question_is_not_answered_again_by_the_queue",
        ),
    ),
    Mutant(
        "the catch-up answers a locked post",
        CATCH_UP,
        "                or closed(thread)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_post_locked_while_the_session_was_invalid_is_not_answered_after_ready",
        ),
    ),
    Mutant(
        "an edit saved while the bot started is never loaded",
        "bot/cogs/faq_watch.py",
        "                before = since is not None and folder_signat"
        "ure(self.bot.faq_dir) != since\n",
        "                before = False\n",
        ("tests/test_moderation_e2e.py::test_an_edit_saved_while_the_bot_was_starting_is_loaded",),
    ),
    Mutant(
        "an edit's mention answers a post the bot answered already",
        "bot/cogs/answers.py",
        "            or await self._answered_post(thread, message)  # type: ignore[arg-type]\n",
        "            or False  # type: ignore[arg-type]\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_the_bot_left_alone_is_answered",
        ),
    ),
    Mutant(
        "a screenshot alone cannot be pointed at an entry",
        "bot/cogs/point.py",
        "        if not question and not shows_a_picture(message):",
        "        if not question:",
        ("tests/test_bot_e2e.py::test_a_screenshot_alone_can_be_pointed_at_an_entry",),
    ),
    Mutant(
        "a purge SQLite refuses at start stops the bot starting",
        "bot/storage/sqlite.py",
        "            except (OSError, sqlite3.Error) as exc:  # (a fu"
        "ll disk, a lock held too long)\n",
        "            except ZeroDivisionError as exc:\n",
        ("tests/test_storage.py::test_a_purge_that_fails_at_start_does_not_stop_the_bot_starting",),
    ),
    Mutant(
        "a purge PostgreSQL refuses at start stops the bot starting",
        "bot/storage/postgres.py",
        "            except (\n                OSError,\n                TimeoutError,\n"
        "                DatabaseUnavailable,\n                asyncpg.PostgresError,\n"
        "                asyncpg.InterfaceError,\n            ) as exc:\n",
        "            except ZeroDivisionError as exc:\n",
        ("tests/test_storage.py::test_a_purge_that_fails_at_start_does_not_stop_the_bot_starting",),
    ),
    Mutant(
        "where the earnings go is read by looking back from each earn"
        "ings word (time in the square of a long sentence)",
        "calculators/from_text.py",
        "            if said[i] not in EARNINGS_WORDS or negated:",
        "            if said[i] not in EARNINGS_WORDS or _negated_so_far(said[: i + 1])[i]:",
        (
            "tests/test_calc_audit.py::test_where_the_earnings_go_is_read_in_one_pass_over_a_long_sentence",
        ),
    ),
    Mutant(
        "a member's text is escaped by discord.py alone: a span from "
        "'[' to the line's last ')' keeps its markdown (a second mask"
        "ed link stays live), in time cubic in the line",
        "bot/embeds.py",
        '    escaped = discord.utils.escape_mentions("\\\\[".join(pieces))',
        "    escaped = discord.utils.escape_mentions(escape_markdown(text))",
        (
            "tests/test_moderation_e2e.py::test_a_members_masked_link_is_shown_inert_in_the_review_queue_and_the_gaps",
            "tests/test_moderation_e2e.py::test_a_long_line_of_brackets_is_escaped_for_the_review_in_moments",
        ),
    ),
    Mutant(
        "an IRA named for a past rollover is taken for money moved out",
        "calculators/from_text.py",
        "    said = said[-2:]\n",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a comparison word starting the next line makes a total a change",
        "calculators/amount_doubts.py",
        'r"[^\\S\\n]*(?:more',
        'r"\\s*(?:more',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a post whose unsure line went with its opening message is handed to people",
        DELETIONS,
        "        if isinstance(thread, discord.Thread) and self._tagged_answered(thread):\n"
        "            await answer_gone(self.bot, thread)\n",
        "        if isinstance(thread, discord.Thread) and self._is_watched_forum(thread):\n"
        "            await answer_gone(self.bot, thread)\n",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_takes_every_answer_under_it_and_a_post_its_answer",
        ),
    ),
    Mutant(
        "an amount after 'take out my', 'take out another' or 'roll o"
        "ver the' is not taken for money moved out, and the whole account gets a worked example",
        "calculators/from_text.py",
        '    "the my our a an another this that these those".split()\n',
        '    "".split()\n',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a sentence or line after an amount that starts with 'Below',"
        " 'Less' or 'Roth' makes it turned-around earnings or Roth mo"
        "ney, and the question gets no worked example",
        "calculators/amount_doubts.py",
        "    said_after = words(text[end:stop])[:WINDOW]\n",
        "    said_after = words(text[end:])[:WINDOW]\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "rollover-bot --help with standard output closed or a full di"
        "sk (unbuffered) exits 0 with nothing shown",
        "bot/cli/__init__.py",
        "        (file or sys.stdout).write(self.format_help())\n",
        "        super().print_help(file)\n",
        (
            "tests/test_calc_cli.py::test_a_closed_standard_output_is_one_error_line",
            "tests/test_calc_cli.py::test_a_full_disk_is_one_error_line_not_a_traceback",
        ),
    ),
    Mutant(
        "rollover-bot faq stats --db '' says 'cannot open .: Is a dir"
        "ectory' instead of that no file was given",
        "bot/cli/faq.py",
        '    if not text.strip():  # (a variable left unset: read as a path, it was "." or "  ")\n',
        "    if False:\n",
        ("tests/test_storage.py::test_cli_a_blank_database_option_is_refused_saying_so",),
    ),
    Mutant(
        "rollover-bot sync --guild with thousands of digits is echoed"
        " whole or called an invalid _guild_id value",
        "bot/cli/service.py",
        "    if len(digits) > 20:\n",
        "    if False:\n",
        ("tests/test_bot_e2e.py::test_sync_print_shows_the_payload_without_a_token",),
    ),
    Mutant(
        "a chart written to a full disk exits 2 as invalid input, advising another folder",
        "bot/cli/calc.py",
        "            if exc.errno in NO_ROOM:  # (the machine's failure, not the path's: exit 1)\n",
        "            if False:\n",
        ("tests/test_calc_cli.py::test_a_chart_to_a_full_disk_is_the_machines_failure",),
    ),
    Mutant(
        "Answer with FAQ on a Discord notice ('started a thread: <que"
        "stion>') offers a picker whose pick can only fail",
        "bot/cogs/point.py",
        "        if message.is_system():\n",
        "        if False:\n",
        (
            "tests/test_bot_e2e.py::test_answer_with_faq_on_a_discord_notice_says_to_point_the_question",
        ),
    ),
    Mutant(
        "files fixed while the bot connects are said to 'load again' "
        "in a log that never heard they were broken",
        "bot/app.py",
        "        self.said_broken = False\n",
        "        self.said_broken = fallback is not None\n",
        (
            "tests/test_last_good.py::test_files_fixed_before_the_bot_said_they_were_broken_are_not_said_to_load_again",
        ),
    ),
    Mutant(
        "a start from the last complete FAQ is not followed by a word"
        " once its files are put back as they were",
        "bot/app.py",
        "            self.said_broken = True\n",
        "",
        (
            "tests/test_last_good.py::test_the_files_fixed_as_they_last_loaded_are_said_loaded_again",
        ),
    ),
    Mutant(
        "a dropped connection on the command id lookup gives an apolo"
        "gy instead of plain-text commands",
        "bot/command_mentions.py",
        "        except NETWORK_ERRORS as exc:  # (a dropped connecti"
        "on too, not only Discord's answer)",
        "        except discord.HTTPException as exc:",
        (
            "tests/test_bot_e2e.py::test_a_dropped_connection_on_the_command_id_lookup_leaves_plain_text_not_an_apology",
        ),
    ),
    Mutant(
        "a pick whose acknowledgement was lost to a dropped connectio"
        "n leaves the picker saying 'already posted'",
        "bot/cogs/point.py",
        "            except NETWORK_ERRORS:\n"
        "                # Not acknowledged (refused, or the connection dropped)",
        "            except discord.HTTPException:\n"
        "                # Not acknowledged (refused, or the connection dropped)",
        ("tests/test_bot_e2e.py::test_a_pick_discord_did_not_take_leaves_the_picker_usable",),
    ),
    Mutant(
        "a server Discord sends only after the session is ready gets "
        "no catch-up: posts missed in the outage stay unanswered",
        CATCH_UP,
        "        self._late |= {g.id for g in guilds if g.unavailable}",
        "        self._late |= set()",
        (
            "tests/test_faults_e2e.py::test_a_post_in_a_server_discord_sends_late_after_ready_is_answered",
        ),
    ),
    Mutant(
        "a watched post answered through a mention whose answered tag"
        " Discord failed stays untagged for good",
        MENTIONS,
        "            await tag_answered_or_owe(self.bot, channel)  # type: ignore[arg-type]\n",
        "            await tag_answered(self.bot, channel)  # type: ignore[arg-type]\n",
        (
            "tests/test_faults_e2e.py::test_a_mention_answering_a_post_whose_tag_discord_failed_is_tagged_by_the_retry",
        ),
    ),
    Mutant(
        "a post answered by Answer with FAQ whose tags Discord failed"
        " keeps needs-human and no answered tag for good",
        "bot/cogs/point.py",
        "await tag_answered_or_owe(bot, channel, pointed=True, settles_human=settles)",
        "await tag_answered(bot, channel, pointed=True, settles_human=settles)",
        ("tests/test_bot_e2e.py::test_a_pointers_tags_discord_failed_are_put_on_by_the_retry",),
    ),
    Mutant(
        "the retry of a pointer's failed tags puts the answered tag on but leaves needs-human",
        "bot/forum_tags.py",
        "    reason = TAGS_FAILED_FOR_PEOPLE if pointed and settles_human else TAG_FAILED\n",
        "    reason = TAG_FAILED\n",
        ("tests/test_bot_e2e.py::test_a_pointers_tags_discord_failed_are_put_on_by_the_retry",),
    ),
    Mutant(
        "a post owed its tag only is checked by its first reply: a po"
        "inted answer below the unsure line is never tagged",
        "bot/cogs/answers.py",
        "        if owes_tags_only(owed):\n            # Owed its tags only",
        "        if False:\n            # Owed its tags only",
        ("tests/test_bot_e2e.py::test_a_pointers_tags_discord_failed_are_put_on_by_the_retry",),
    ),
    Mutant(
        "a tag Discord fails again on its retry settles the post untagged for good",
        "bot/cogs/answers.py",
        "            return DONE\n        return Delivery(False, None, error)\n",
        "            return DONE\n        return DONE\n",
        ("tests/test_faults_e2e.py::test_a_tag_discord_fails_again_on_its_retry_stays_owed",),
    ),
    Mutant(
        "the retry owed for a failed tag tags a post whose answer a moderator deleted meanwhile",
        "bot/cogs/answers.py",
        "            if await answer_stands(self.bot, thread) is False:\n"
        "                return DONE\n",
        "            if False:\n                return DONE\n",
        (
            "tests/test_faults_e2e.py::test_an_answer_deleted_while_its_tag_was_owed_is_not_posted_again",
        ),
    ),
    Mutant(
        "send_private lets a dropped connection through: a failed for"
        "m's typed text is lost with its apology",
        "bot/replies.py",
        "    except NETWORK_ERRORS:  # (the connection too: aiohttp's"
        " errors are no HTTPException)\n",
        "    except discord.HTTPException:\n",
        (
            "tests/test_moderation_e2e.py::test_a_form_whose_apology_is_lost_on_the_wire_still_gives_the_text_back",
        ),
    ),
    Mutant(
        "a slash command answered too late is logged as a bug with a "
        "traceback and apologised to a dead interaction",
        "bot/cogs/errors.py",
        "            if expired(error):  # (answered too late: no bug"
        ", and nothing more can be sent)\n",
        "            if False:  # (answered too late: no bug, and nothing more can be sent)\n",
        (
            "tests/test_faults_e2e.py::test_an_interaction_answered_too_late_is_one_warning_and_nothing_more",
        ),
    ),
    Mutant(
        "a button clicked too late is logged as a bug with a tracebac"
        "k and apologised to a dead interaction",
        "bot/replies.py",
        "    if expired(error):\n        log_expired(interaction, what)\n        return\n",
        "",
        (
            "tests/test_faults_e2e.py::test_an_interaction_answered_too_late_is_one_warning_and_nothing_more",
        ),
    ),
    Mutant(
        "Discord's Unknown interaction is not told apart from a bug",
        "bot/replies.py",
        "    return isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION\n",
        "    return False\n",
        (
            "tests/test_faults_e2e.py::test_an_interaction_answered_too_late_is_one_warning_and_nothing_more",
        ),
    ),
    Mutant(
        "forum tags: a passer-by's pointer trusts the cached tags",
        "bot/cogs/point.py",
        "await tag_answered_or_owe(bot, channel, pointed=True, settles_human=settles)",
        "await tag_answered_or_owe(bot, channel, pointed=settles, settles_human=settles)",
        (
            "tests/test_bot_e2e.py::test_only_who_speaks_for_people_takes_needs_human_off_by_pointing",
        ),
    ),
    Mutant(
        "a post whose answer's response was lost is never tagged answered",
        "bot/cogs/answers.py",
        "                return await self._tag(thread, TAG_FAILED)\n            return DONE\n",
        "                pass\n            return DONE\n",
        ("tests/test_faults_e2e.py::test_a_lost_response_is_not_answered_twice",),
    ),
    Mutant(
        "a watched post answered through a mention is left untagged",
        MENTIONS,
        "            await tag_answered_or_owe(self.bot, channel)  # type: ignore[arg-type]\n",
        "            pass\n",
        (
            "tests/test_bot_e2e.py::test_a_watched_post_answered_through_a_mention_is_tagged_answered",
        ),
    ),
    Mutant(
        "a post owed only its tags forgets so when the retry cannot r"
        "ead the post, and settles untagged",
        "bot/cogs/answers.py",
        "delivery = Delivery(False, None, owed.last_error if owes_tags_only(owed) else error)",
        "delivery = Delivery(False, None, error)",
        (
            "tests/test_bot_e2e.py::test_a_pointers_tags_discord_failed_are_put_on_by_the_retry[503-then-the-post-unreadable]",
        ),
    ),
    Mutant(
        "a post answered but owed only its tags is filed in the gaps as unanswered when given up",
        "bot/cogs/retries.py",
        "if owed.question and not tags_only:",
        "if owed.question:",
        (
            "tests/test_faults_e2e.py::test_a_post_owed_only_its_tag_past_the_max_age_is_not_filed_as_unanswered",
        ),
    ),
    Mutant(
        "giving up a post owed only its tags tells moderators it gave up replying, not to tag it",
        "bot/cogs/retries.py",
        "mod_log.gave_up_text(owed, tags_only=tags_only)",
        "mod_log.gave_up_text(owed)",
        (
            "tests/test_faults_e2e.py::test_a_post_owed_only_its_tag_past_the_max_age_is_not_filed_as_unanswered",
        ),
    ),
    Mutant(
        "a mention edited into a post owed only its tags is taken for"
        " one whose answer is still to come, and gets nothing",
        "bot/cogs/answers.py",
        'o.kind == "post" and o.message_id == starter_id and not owes_tags_only(o) for o in owed',
        'o.kind == "post" and o.message_id == starter_id for o in owed',
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_owed_only_its_tags_is_answered",
        ),
    ),
    Mutant(
        "mentions sent in chat while the session was lost or the bot "
        "was down stay unanswered (the catch-up reads posts only)",
        CATCH_UP,
        "        return await self._mentions_caught_up(guild, cutoff, until, read) and posts\n",
        "        return posts\n",
        (
            "tests/test_faults_e2e.py::test_a_mention_sent_while_the_session_was_lost_is_answered_after_ready",
            "tests/test_faults_e2e.py::test_a_mention_sent_while_the_bot_was_down_is_answered_at_start",
        ),
    ),
    Mutant(
        "a mention in a post the catch-up reads stays unanswered",
        CATCH_UP,
        "            await self._answer_missed([m for m in messages i"
        "f m.id != thread.id], cutoff, until)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_mention_sent_while_the_session_was_lost_is_answered_after_ready",
        ),
    ),
    Mutant(
        "a listed text channel in a server with no watched forum is not caught up",
        CATCH_UP,
        "        ids = [*settings.forum_channel_ids, *settings.text_channel_ids]\n",
        "        ids = settings.forum_channel_ids\n",
        (
            "tests/test_faults_e2e.py::test_a_mention_sent_while_the_session_was_lost_is_answered_after_ready",
        ),
    ),
    Mutant(
        "a server lost mid-session (GUILD_DELETE unavailable) is not caught up when it comes back",
        CATCH_UP,
        "        self._late.add(guild.id)\n",
        "        self._late.discard(guild.id)\n",
        (
            "tests/test_faults_e2e.py::test_a_server_lost_mid_session_is_caught_up_when_it_comes_back",
        ),
    ),
    Mutant(
        "a mention answered while the database was down is answered again by the catch-up at start",
        CATCH_UP,
        "                and message.id not in replied\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_mention_sent_while_the_bot_was_down_is_answered_at_start",
        ),
    ),
    Mutant(
        "the catch-up reads every channel, quiet for hours or not",
        CATCH_UP,
        "            and discord.utils.snowflake_time(channel.last_message_id) >= cutoff\n",
        "            and discord.utils.snowflake_time(channel.last_me"
        "ssage_id) >= cutoff - CATCH_UP_WINDOW * 24\n",
        ("tests/test_faults_e2e.py::test_a_catch_up_reads_only_channels_with_recent_messages",),
    ),
    Mutant(
        "a chat channel Discord fails to read at catch-up is not read"
        " again, its mentions never answered",
        CATCH_UP,
        '                log.warning("could not read channel %s for catch-up", channel.id)\n'
        "                done = False\n",
        '                log.warning("could not read channel %s for catch-up", channel.id)\n',
        ("tests/test_faults_e2e.py::test_a_catch_up_reads_only_channels_with_recent_messages",),
    ),
    Mutant(
        "a retried catch-up reads again the channels it read already",
        CATCH_UP,
        "            if channel.id in read:\n                continue\n",
        "",
        ("tests/test_faults_e2e.py::test_a_catch_up_reads_only_channels_with_recent_messages",),
    ),
    Mutant(
        "skips the catch-up after a new session (one shard)",
        CATCH_UP,
        "        self._note_late(self.bot.guilds)\n"
        "        await self._catch_up(self._watched_guilds())",
        "        self._note_late(self.bot.guilds)\n        if getattr(self, '_once', False):\n"
        "            return\n        self._once = True\n"
        "        await self._catch_up(self._watched_guilds())",
        (
            "tests/test_faults_e2e.py::test_post_created_while_the_session_was_invalid_is_answered_after_ready",
        ),
    ),
    Mutant(
        "a catch-up Discord fails once (a 503 listing the posts or reading one) is not tried "
        "again, and the posts missed are never answered",
        CATCH_UP,
        "            guilds = [g for g in guilds if not await self._caught_up("
        "g, cutoff, until, read)]\n",
        "            guilds = [g for g in guilds if await self._caught_up(g, cutoff, until, read)"
        " and False]\n",
        ("tests/test_faults_e2e.py::test_a_catch_up_that_discord_fails_once_is_tried_again",),
    ),
    Mutant(
        "form8606's line 6 hint leaves out outstanding rollovers",
        "bot/cogs/calculators.py",
        'SIMPLE IRAs plus IRA-to-IRA rollovers "',
        'SIMPLE IRAs "',
        ("tests/test_bot_e2e.py::test_form8606_line_6_hint_counts_outstanding_rollovers",),
    ),
    Mutant(
        "a later answer's failed tag takes the place of a moderator's"
        " owed tags: the post keeps needs-human",
        "bot/forum_tags.py",
        "        if reason == TAG_FAILED and await _owed_for_people(bot, thread.id):",
        "        if False and await _owed_for_people(bot, thread.id):",
        (
            "tests/test_bot_e2e.py::test_a_passers_by_pointer_keeps_a_moderators_owed_needs_human_removal",
        ),
    ),
    Mutant(
        "a vote whose thanks comes too late for Discord is dropped with it",
        "bot/views.py",
        "            try:\n"
        "                await interaction.response.send_message(text, ephemeral=True)\n"
        "            finally:",
        "            await interaction.response.send_message(text, ephemeral=True)\n"
        "            if True:",
        (
            "tests/test_faults_e2e.py::test_a_vote_clicked_too_late_for_its_thanks_still_counts_once",
        ),
    ),
    Mutant(
        "mentions read at catch-up go through the live window: an old"
        " one is told to slow down, the next live one gets silence",
        CATCH_UP,
        "await self.answer_mention(message, caught_up=True)",
        "await self.answer_mention(message)",
        (
            "tests/test_faults_e2e.py::test_mentions_missed_while_the_bot_was_down_are_not_told_to_slow_down",
        ),
    ),
    Mutant(
        "mentions read at catch-up are not limited at all: a member's"
        " burst sent while the bot was away is answered whole",
        MENTIONS,
        "        if len(near) >= self.bot.settings.limits.mention_per_minute:",
        "        if False:",
        (
            "tests/test_faults_e2e.py::test_mentions_missed_while_the_bot_was_down_are_not_told_to_slow_down",
        ),
    ),
    Mutant(
        "a value starting with Markdown bold, an HTML entity or '!' i"
        "s told in YAML's words, not to be quoted",
        "knowledge/frontmatter.py",
        "    if context in _MARKUP_CONTEXTS or problem.startswith(_UNKNOWN_TAG):",
        "    if False:",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_on_their_line",
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        'a backslash escape YAML cannot read in "..." is told in YAML'
        "'s words, not how to write it",
        "knowledge/frontmatter.py",
        "    *((needle, _BACKSLASH) for needle in _ESCAPE_ERRORS),",
        "",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_on_their_line",
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        "a '---' line in an examples file is told as YAML's 'but found another document'",
        "knowledge/frontmatter.py",
        '        "but found another document",',
        '        "but found another document, never",',
        ("tests/test_examples.py::test_a_broken_examples_file_is_reported_with_its_line",),
    ),
    Mutant(
        "a value starting with a Markdown quote or table ('>' or '|') is told in YAML's words",
        "knowledge/frontmatter.py",
        "    if (context, problem) == _BLOCK_TEXT_AFTER_MARK and context_mark is not None:",
        "    if False:",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_on_their_line",
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        "a '- ' on a key's own line is told in YAML's words, not where list items go",
        "knowledge/frontmatter.py",
        "    if problem == _DASH_AFTER_KEY and problem_mark is not None:",
        "    if False:",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_on_their_line",
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        "a handful of example questions fits the ranker: its scores read 99 near them",
        "knowledge/ranker.py",
        "        if len(asked) < MIN_TRAINING_QUESTIONS:\n",
        "        if len(asked) < 1:\n",
        (
            "tests/test_examples.py::test_too_few_example_questions_match_by_wording_and_validate_says_so",
        ),
    ),
    Mutant(
        "validate says nothing of example questions too few to learn from",
        "knowledge/base.py",
        " + too_few_to_learn(folder, examples)",
        "",
        (
            "tests/test_examples.py::test_too_few_example_questions_match_by_wording_and_validate_says_so",
        ),
    ),
    Mutant(
        "a token pasted with its 'Bot ' prefix is refused as not a token",
        "bot/startup.py",
        '    return _BOT_PREFIX.sub("", token)',
        "    return token",
        ("tests/test_secrets.py::test_a_token_pasted_with_its_bot_prefix_is_the_token",),
    ),
    Mutant(
        "a bad shard_count is two problems named after pydantic's union branches",
        "bot/settings.py",
        "    raise ValueError('expected a number of shards, or \"auto\" (unset: one connection)')",
        "    return value",
        ("tests/test_settings.py::test_a_shard_count_that_is_no_number_is_one_problem_by_name",),
    ),
    Mutant(
        "a wrong forum id, a missing tag or permission, an unknown role: nothing said at start",
        "bot/app.py",
        "            await server_setup.report(self)",
        "            pass",
        (
            "tests/test_bot_e2e.py::test_server_setup_the_settings_need_is_said_once_and_the_bot_answers_where_it_can",
        ),
    ),
    Mutant(
        "the server setup problems are said again on every new session",
        "bot/app.py",
        "            self._setup_looked_at = True",
        "            self._setup_looked_at = False",
        (
            "tests/test_bot_e2e.py::test_server_setup_the_settings_need_is_said_once_and_the_bot_answers_where_it_can",
        ),
    ),
    Mutant(
        "a watched forum without the configured tag is not said",
        "bot/server_setup.py",
        "        if named_tag(channel.available_tags, name.casefold()) is None:",
        "        if False:",
        (
            "tests/test_bot_e2e.py::test_server_setup_the_settings_need_is_said_once_and_the_bot_answers_where_it_can",
        ),
    ),
    Mutant(
        "a forum listed among the text channels (mentions in its posts) is said to be wrong",
        "bot/server_setup.py",
        '    if isinstance(channel, discord.ForumChannel) and setting == "text_channel_ids":',
        "    if False:",
        (
            "tests/test_bot_e2e.py::test_a_server_set_up_as_the_readme_says_hears_nothing_of_its_setup",
        ),
    ),
    Mutant(
        "server setup reads a forum's permissions as the forum's own,"
        " so a bot denied Create Posts is said to lack Embed Links",
        "bot/server_setup.py",
        "        return discord.abc.GuildChannel.permissions_for(channel, me)",
        "        return channel.permissions_for(me)",
        (
            "tests/test_bot_e2e.py::test_a_forum_where_the_bot_may_not_create_posts_is_no_setup_problem",
        ),
    ),
    Mutant(
        "a Markdown quote or table first, or a '- ' after the key, is"
        " told in the pure-Python YAML loader's own words",
        "knowledge/frontmatter.py",
        "    problem = next((ours for pure, ours in _PURE_WORDS if pr"
        "oblem.startswith(pure)), problem)\n",
        "",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_by_pyyaml_without_libyaml_too",
        ),
    ),
    Mutant(
        "a few real questions beside many written ones are fitted on "
        "alone: too few, learning stops",
        "knowledge/examples.py",
        "    if len(asked) >= MIN_TRAINING_QUESTIONS:\n        return asked\n",
        "    if asked:\n        return asked\n",
        (
            "tests/test_examples.py::test_a_few_real_questions_beside_many_written_ones_do_not_stop_the_learning",
        ),
    ),
    Mutant(
        "a threshold written as a fraction (0.8 for 80) is taken as 0"
        ".8%: nearly everything answered",
        "bot/settings.py",
        "    if 0 < value < 1:\n",
        "    if False:\n",
        (
            "tests/test_settings.py::test_a_threshold_written_as_a_fraction_is_refused_with_the_percentage_meant",
        ),
    ),
    Mutant(
        "an off-topic decision below the minimum promises questions like it are left alone",
        "bot/review.py",
        "        if unlearned := too_few_to_learn(bot.faq_dir, bot.knowledge.examples):\n",
        "        if unlearned := []:\n",
        (
            "tests/test_moderation_e2e.py::test_an_off_topic_decision_promises_questions_like_it_only_once_the_matcher_learns",
        ),
    ),
    Mutant(
        "off-topic examples alone are passed as something the matcher learns from, with no notice",
        "knowledge/examples.py",
        "    if fitted >= MIN_TRAINING_QUESTIONS and not any(examples[j].ids for j in chosen):\n",
        "    if False:\n",
        (
            "tests/test_examples.py::test_off_topic_examples_alone_teach_nothing_and_validate_says_so",
        ),
    ),
    Mutant(
        "the off-topic score far out overflows exp: a RuntimeWarning in the bot's log",
        "knowledge/off_topic.py",
        "        return float(np.exp(-np.logaddexp(0.0, -(values @ self._weights + self._bias))))",
        "        return float(1.0 / (1.0 + np.exp(-(values @ self._weights + self._bias))))",
        (
            "tests/test_matcher.py::test_a_post_far_past_either_side_of_the_off_topic_line_scores_without_a_warning",
        ),
    ),
    Mutant(
        "a review decision into a dead examples-file link replaces the link",
        "knowledge/editing.py",
        "    if target.is_symlink() and not target.exists():",
        "    if False:",
        (
            "tests/test_faq_editing.py::test_a_decision_into_a_link_that_leads_nowhere_is_refused_and_the_link_kept",
        ),
    ),
    Mutant(
        "a review decision into a dead examples-folder link says only File exists",
        "knowledge/editing.py",
        "    if not where.is_dir() and (where.is_symlink() or where.exists()):",
        "    if False:",
        (
            "tests/test_faq_editing.py::test_a_decision_into_a_link_that_leads_nowhere_is_refused_and_the_link_kept",
        ),
    ),
    Mutant(
        "a Discord id written true or as a float is read as some other id",
        "bot/settings.py",
        "    if isinstance(value, bool | float):",
        "    if False:",
        ("tests/test_settings.py::test_a_number_that_cannot_be_a_discord_id_is_refused_by_name",),
    ),
    Mutant(
        "a blank database.path opens the current folder",
        "bot/settings.py",
        "    return DEFAULT_DATABASE if _is_blank(value) else value",
        "    return value",
        ("tests/test_settings.py::test_a_blank_database_path_is_the_default_file",),
    ),
    Mutant(
        "a home server the bot is not in goes unsaid at start",
        "bot/server_setup.py",
        "        if not partial and bot.get_guild(guild_id) is None:",
        "        if False:",
        (
            "tests/test_bot_e2e.py::test_server_setup_the_settings_need_is_said_once_and_the_bot_answers_where_it_can",
        ),
    ),
    Mutant(
        "examples without off-topic ones give no notice",
        "knowledge/examples.py",
        "    if not asked or any(e.off_topic for e in asked):",
        "    if True:",
        (
            "tests/test_examples.py::test_examples_without_off_topic_ones_learn_no_silence_and_validate_says_so",
        ),
    ),
    Mutant(
        "the off-topic notice is given even with off-topic examples",
        "knowledge/examples.py",
        "    if not asked or any(e.off_topic for e in asked):",
        "    if not asked:",
        (
            "tests/test_examples.py::test_examples_without_off_topic_ones_learn_no_silence_and_validate_says_so",
        ),
    ),
    Mutant(
        "an alias another entry still answers is saved without a word on it",
        "bot/cogs/faq_admin.py",
        "    if result.answered and result.best is not None and result.best.id == entry_id:",
        "    if True:",
        (
            "tests/test_moderation_e2e.py::test_an_alias_another_entry_still_answers_is_saved_with_a_word_on_it",
        ),
    ),
    Mutant(
        "an alias's entry answering it is told it does not",
        "bot/cogs/faq_admin.py",
        "    if result.answered and result.best is not None and result.best.id == entry_id:",
        "    if False:",
        (
            "tests/test_moderation_e2e.py::test_edits_from_discord_keep_the_moderators_notes_in_the_file",
        ),
    ),
    Mutant(
        "a value starting with [Solved] is told as bad indentation",
        "knowledge/frontmatter.py",
        '        return line, _cannot_start(flow["mark"])',
        "        pass",
        (
            "tests/test_faq_validation.py::test_yaml_mistakes_are_explained_on_their_line",
            "tests/test_faq_validation.py::test_a_quoting_slip_in_an_examples_file_is_named_at_its_line",
        ),
    ),
    Mutant(
        "notices a reload brings go unsaid in the mod log",
        "bot/app.py",
        "        if result.notices:",
        "        if False:",
        ("tests/test_moderation_e2e.py::test_the_mod_log_hears_of_notices_a_reload_brings_once",),
    ),
    Mutant(
        "the mod log repeats a reload's notices every reload",
        "bot/app.py",
        "            fresh = [p for p in new.notices if (p.path, p.message) not in had]",
        "            fresh = list(new.notices)",
        ("tests/test_moderation_e2e.py::test_the_mod_log_hears_of_notices_a_reload_brings_once",),
    ),
    Mutant(
        "a value written after a hash is told only as empty",
        "knowledge/loader.py",
        '    if kind == "string_type" and err.get("input", "") is None and '
        "_COMMENT_FOR_VALUE.match(line):",
        "    if False:",
        (
            "tests/test_faq_validation.py::test_a_value_written_after_a_hash_is_said_to_be_a_comment",
        ),
    ),
    Mutant(
        "a SQLite database locked at start exits 2, never restarted",
        "bot/storage/sqlite.py",
        "                if _is_locked(exc):",
        "                if False:",
        ("tests/test_storage.py::test_a_database_locked_at_start_is_a_passing_failure",),
    ),
    Mutant(
        "a reply refused for permissions waits 12 h before the moderators hear",
        "bot/cogs/answers.py",
        "        await self._say_refusal(owed, delivery)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_reply_refused_for_permissions_is_told_to_the_mod_log_once_and_sent_once_allowed",
        ),
    ),
    Mutant(
        "every refused reply in a channel is told to the mod log",
        "bot/cogs/answers.py",
        "        if where in self._refused_in:\n            return\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_reply_refused_for_permissions_is_told_to_the_mod_log_once_and_sent_once_allowed",
        ),
    ),
    Mutant(
        "without a standard error, error and warning lines go to stdo"
        "ut (into --json) or become an internal fault",
        "bot/cli/__init__.py",
        '    if _unwritable(sys.stderr, "standard error") is not None:\n',
        "    if False:\n",
        (
            "tests/test_calc_cli.py::test_without_a_standard_error_a_refusal_is_still_exit_2_and_nothing_on_stdout",
            "tests/test_cli_ask.py::test_json_from_the_last_complete_faq_without_a_standard_error_is_one_object",
        ),
    ),
    Mutant(
        "calc schedule --help says the comparison is only 1, 2, 4, 12 and 26 conversions a year",
        "bot/cli/calc.py",
        '        f"The result compares {shown} conversions a year, yo'
        'ur --conversions and one per\\n"\n'
        '        "paycheck. No chart is drawn unless --chart is given.\\n"\n',
        '        f"The result compares {shown} conversions a year. No'
        ' chart is drawn unless --chart\\n"\n        "is given.\\n"\n',
        ("tests/test_calc_cli.py::test_schedule_help_names_every_count_the_comparison_has",),
    ),
    Mutant(
        "a comment after a list's key is told as a text to quote",
        "knowledge/loader.py",
        '    if kind == "string_type" and err.get(',
        "    if err.get(",
        (
            "tests/test_faq_validation.py::test_a_value_written_after_a_hash_is_said_to_be_a_comment",
        ),
    ),
    Mutant(
        "an '@' in a PostgreSQL password is a server down, retried for ever",
        "bot/storage/postgres.py",
        "                if _raw_at(self.url):",
        "                if False:",
        ("tests/test_storage.py::test_cli_reports_on_an_unreachable_database_exit_1_not_2",),
    ),
    Mutant(
        "a post's mention of the bot is matched with its words",
        "bot/replies.py",
        '    return f"{thread.name}\\n{strip_mentions(starter.content)}"',
        '    return f"{thread.name}\\n{starter.content}"',
        ("tests/test_bot_e2e.py::test_a_post_that_names_the_bot_is_answered_like_a_mention",),
    ),
    Mutant(
        "split offers one form or a combined one with a single destination",
        "calculators/split.py",
        "    if len(forms) > 1:  # (one destination: its form is the combined one)",
        "    if True:",
        ("tests/test_calc_split.py::test_steps_state_assumption_and_combined_form",),
    ),
    Mutant(
        "a matcher trained with another vocabulary loaded from the cache",
        "knowledge/cache.py",
        'sorted([*_PACKAGE.glob("*.py"), *_PACKAGE.glob("data/*.yaml")])',
        'sorted(_PACKAGE.glob("*.py"))',
        ("tests/test_matcher_cache.py::test_an_edited_vocabulary_file_trains_anew",),
    ),
    Mutant(
        "a vocabulary stem under two concepts accepted",
        "knowledge/vocabulary.py",
        "if seen.setdefault(stem, concept) != concept:",
        "if False:",
        ("tests/test_vocabulary.py",),
    ),
    Mutant(
        "a vocabulary rewrite whose group reference cannot work accepted",
        "knowledge/vocabulary.py",
        're.compile(self.pattern).sub(self.replacement, "")',
        "re.compile(self.pattern)",
        ("tests/test_vocabulary.py",),
    ),
    Mutant(
        "ask - / console: a standard input open for writing only is an internal fault",
        "bot/cli/common.py",
        "    if access_mode(sys.stdin) == os.O_WRONLY:\n"
        '        return "standard input is open for writing only"\n',
        "",
        ("tests/test_cli_ask.py::test_a_standard_input_open_for_writing_only_is_one_error_line",),
    ),
    Mutant(
        "an option given twice is refused in the calculators only",
        "bot/cli/__init__.py",
        "            for child in action.choices.values():\n                _given_once(child)",
        "            for child in action.choices.values():\n"
        "                if child.prog.startswith('rollover-bot calc'):\n"
        "                    _given_once(child)",
        ("tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",),
    ),
    Mutant(
        "a --db URL given twice shows its password in the refusal",
        "bot/cli/__init__.py",
        'shown = faq.label if self.dest == "db" else str',
        "shown = str",
        ("tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",),
    ),
    Mutant(
        "faq --limit/--days take other scripts' digits and 1_000 (int() as it is)",
        "bot/cli/faq.py",
        "    if not (digits.isascii() and digits.isdigit()):",
        "    if not digits.replace('_', '').isdigit():",
        ("tests/test_storage.py::test_cli_report_numbers_are_ascii_digits",),
    ),
    Mutant(
        "faq --limit of thousands of digits is 'not a whole number'",
        "bot/cli/faq.py",
        "    if len(digits) > MAX_DIGITS:",
        "    if False:",
        ("tests/test_storage.py::test_cli_report_numbers_are_ascii_digits",),
    ),
    Mutant(
        "faq --db postgresql+asyncpg://... read as a missing file: no data yet, password printed",
        "bot/cli/faq.py",
        '    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text) and not'
        " re.match(POSTGRES_URL, text):",
        "    if False:",
        ("tests/test_storage.py::test_cli_reports_refuse_a_db_url_they_cannot_read",),
    ),
    Mutant(
        "faq --db: another URL refused with its password shown",
        "bot/cli/faq.py",
        'f"{shown(url_shown(text), 60)} is neither',
        'f"{shown(text, 60)} is neither',
        ("tests/test_storage.py::test_cli_reports_refuse_a_db_url_they_cannot_read",),
    ),
    Mutant(
        "calc schedule --chart /dev/stdout writes the PNG into the output",
        "bot/cli/calc.py",
        "        if _is_stdout(args.chart):",
        "        if False:",
        ("tests/test_calc_cli.py::test_a_chart_to_standard_output_by_another_name_is_refused",),
    ),
    Mutant(
        "form8606's line 6 step adds any rollover in transit, an IRA's roll-in to a 401(k) too",
        "calculators/form8606.py",
        'f"outstanding IRA-to-IRA rollovers (not Roth or inherited IRAs, not employer plans, "',
        'f"outstanding rollovers (not Roth or inherited IRAs, not employer plans, "',
        ("tests/test_calc_form8606.py::test_line_6_counts_only_ira_to_ira_rollovers_in_transit",),
    ),
    Mutant(
        "a 429 block at `run`'s login is said as a refusal to fix (exit 2)",
        "bot/runner.py",
        "    if exc.status == 429:\n        return _blocked(exc)\n"
        '    return StartupError(f"Discord refused the login',
        '    return StartupError(f"Discord refused the login',
        (
            "tests/test_startup_failures.py::test_discord_blocking_this_machine_at_login_is_one_error_line_and_exit_1",
        ),
    ),
    Mutant(
        "a 429 block during `sync` is said as a refusal to fix (exit 2)",
        "bot/runner.py",
        "        if exc.status == 429:\n            raise _blocked(exc) from None\n"
        '        raise StartupError(f"Discord refused to register',
        '        raise StartupError(f"Discord refused to register',
        (
            "tests/test_startup_failures.py::test_discord_blocking_this_machine_at_login_is_one_error_line_and_exit_1",
        ),
    ),
    Mutant(
        "auto sharding: Discord failing the shard-count lookup crashes `run` as an internal fault",
        "bot/runner.py",
        "                await bot.connect(reconnect=True)\n"
        "            except discord.GatewayNotFound as exc:  # (that "
        "question failed: its cause says why)\n"
        "                raise _failed_to_start(exc.__cause__ or exc) from None\n"
        "            except (OSError, TimeoutError, aiohttp.ClientErr"
        "or, discord.HTTPException) as exc:\n"
        "                raise _failed_to_start(exc) from None\n",
        "            except (OSError, TimeoutError, aiohttp.ClientErr"
        "or, discord.HTTPException) as exc:\n"
        "                raise _failed_to_start(exc) from None\n"
        "            await bot.connect(reconnect=True)\n",
        (
            "tests/test_startup_failures.py::test_auto_sharding_when_discord_fails_the_shard_count_is_one_error_line",
        ),
    ),
    Mutant(
        "SIGTERM while `run` loads the FAQ kills it (143) instead of a clean stop (0)",
        "bot/cli/service.py",
        "        with _terminated_raises():\n            kb, fallback = serving_knowledge(args)\n"
        "            _setup_logging(",
        "        with contextlib.nullcontext():\n"
        "            kb, fallback = serving_knowledge(args)\n            _setup_logging(",
        (
            "tests/test_processes_e2e.py::test_a_stop_while_the_faq_is_being_loaded_is_a_stop_like_any_other",
        ),
    ),
    Mutant(
        "'~/' in faq_dir or database.path is a folder named '~' in the current one",
        "bot/settings.py",
        "HomePath = Annotated[Path, AfterValidator(from_home)]",
        "HomePath = Annotated[Path, AfterValidator(lambda path: path)]",
        ("tests/test_settings.py::test_paths_written_from_the_home_folder_are_in_the_home_folder",),
    ),
    Mutant(
        "ROLLOVER_CONFIG=~/... names no file",
        "bot/settings.py",
        "toml_path = from_home(Path(chosen)) if chosen",
        "toml_path = Path(chosen) if chosen",
        ("tests/test_settings.py::test_paths_written_from_the_home_folder_are_in_the_home_folder",),
    ),
    Mutant(
        "ROLLOVER_CACHE_DIR=~/... makes a cache under ./~/",
        "knowledge/cache.py",
        "        return Path(configured).expanduser()\n",
        "        return Path(configured)\n",
        ("tests/test_settings.py::test_paths_written_from_the_home_folder_are_in_the_home_folder",),
    ),
    Mutant(
        "`sync` losing its connection crashes as an internal fault",
        "bot/runner.py",
        "    except (OSError, TimeoutError, aiohttp.ClientError) as exc:\n"
        "        # Reachable a moment ago: the network dropped since, as `run` says it.\n"
        "        raise DiscordUnreachable(host_of(discord.http.Route."
        "BASE), describe(exc)) from None\n",
        "",
        (
            "tests/test_startup_failures.py::test_sync_losing_its_connection_is_one_error_line_and_exit_1",
        ),
    ),
    Mutant(
        "the Roth 401(k) rollover entry counts the Roth IRA's 5 years"
        " from the first contribution made, not the year it was for",
        "knowledge/faq/roth-401k-rollover.md",
        "counted from January 1 of the first year you made a contribution to **any** Roth IRA for,",
        "since your first contribution to **any** Roth IRA,",
        (
            "tests/test_faq_content.py::test_the_roth_ira_five_year_clock_starts_with_the_year_contributed_for",
        ),
    ),
    Mutant(
        "the Roth IRA withdrawal entry sends members to Form 8606 onl"
        "y, not Form 5329 for the 10% recapture",
        "knowledge/faq/roth-ira-withdrawal-rules.md",
        "Part III; the 10% on a rollover's taxable part goes on Form "
        "5329, even when Form 8606 shows nothing taxable.",
        "Part III.",
        (
            "tests/test_faq_content.py::test_roth_ira_recapture_is_reported_on_form_5329_not_only_form_8606",
        ),
    ),
    Mutant(
        "split's Form 1040 step tells a member with nothing in a Roth IRA to keep its basis",
        "calculators/split.py",
        "    if roth > 0:  # (nothing rolled to a Roth IRA: no Roth IRA basis to keep track of)",
        "    if True:",
        (
            "tests/test_calc_split.py::test_roth_ira_basis_is_only_spoken_of_when_money_went_to_a_roth_ira",
        ),
    ),
    Mutant(
        "/ask help gets 'outside this FAQ' instead of the /help card",
        "bot/cogs/ask.py",
        '        if asks_for_help(question):\n            # "/ask help"',
        '        if False and asks_for_help(question):\n            # "/ask help"',
        ("tests/test_bot_e2e.py::test_ask_asking_for_help_gets_the_help_card",),
    ),
    Mutant(
        "a calculator command typed after a mention is matched as a question ('no close match')",
        MENTIONS,
        "            if target is message and (typed := typed_command(question)):",
        "            if False and target is message and (typed := typed_command(question)):",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "a calculator command typed into /ask is matched as a question ('no close match')",
        "bot/cogs/ask.py",
        "        if typed := typed_command(question):",
        "        if False and (typed := typed_command(question)):",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "a question that starts with a calculator's name is taken for its command",
        "calculators/catalog.py",
        "    if not all_values(values):",
        "    if False:",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "a mention's lines run together: amounts listed on lines get no worked example",
        "bot/replies.py",
        '    return "\\n".join(line for line in lines if not shows_nothing(line))\n',
        '    return " ".join(line for line in lines if not shows_nothing(line))\n',
        (
            "tests/test_bot_e2e.py::test_a_mention_listing_its_amounts_on_lines_gets_them_worked_through",
        ),
    ),
    Mutant(
        "a 'Not what I asked' on a long forum post is kept longer tha"
        "n an example may be, so review cannot decide it",
        "bot/views.py",
        "text=as_matched(asked),",
        "text=asked,",
        (
            "tests/test_moderation_e2e.py::test_a_long_posts_miss_and_pointer_can_be_decided_in_review",
        ),
    ),
    Mutant(
        "a long forum post pointed at an entry is kept longer than an"
        " example may be, so review cannot decide it",
        "bot/cogs/point.py",
        "if text := within(question_in(target), MAX_QUESTION_CHARS):",
        "if text := question_in(target):",
        (
            "tests/test_moderation_e2e.py::test_a_long_posts_miss_and_pointer_can_be_decided_in_review",
        ),
    ),
    Mutant(
        "a 'Not what I asked' on a mention that quotes a question kee"
        "ps the quote and the own words run together for review",
        "bot/views.py",
        "for part in filter(None, (own, quoted)):",
        "for part in ():",
        (
            "tests/test_moderation_e2e.py::test_a_missed_mention_that_quotes_is_reviewed_as_the_question_it_answered",
        ),
    ),
    Mutant(
        "a half-made .venv (no pip, nothing ever installed) is kept, and every run fails in it",
        "dev.py",
        "    elif not STAMP.exists():",
        "    elif False:",
        ("tests/test_dev.py::test_a_venv_left_unfinished_is_made_again",),
    ),
    Mutant(
        "Ctrl-C during the first install prints a traceback from dev.py",
        "dev.py",
        "    except KeyboardInterrupt:  # (Ctrl-C while installing: p"
        "ip stops too; the next run resumes)\n        return 130\n",
        "",
        ("tests/test_dev.py::test_ctrl_c_during_the_first_install_stops_it_quietly",),
    ),
    Mutant(
        "console replies wrapped at 88 columns whatever the terminal's width",
        "bot/terminal.py",
        "            wide = os.get_terminal_size(stream.fileno()).columns\n",
        "            wide = 0\n",
        ("tests/test_console.py::test_replies_fit_the_terminal",),
    ),
    Mutant(
        "'@bot thanks!' gets the public 'no FAQ entry looks close' card and is kept as a miss",
        MENTIONS,
        "            if target is message and (said := small_talk(question)):",
        "            if False and (said := small_talk(question)):",
        (
            "tests/test_bot_e2e.py::test_a_mention_that_only_thanks_or_greets_gets_a_word_back_not_a_card",
        ),
    ),
    Mutant(
        "'@bot hi' is prompted for a question, but the question edited in is ignored",
        MENTIONS,
        '                if said == "greeting":  # (as a bare mention: an edit adding a qu'
        "estion counts)\n                    self._prompted.claim(message.id)\n",
        "",
        ("tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_once",),
    ),
    Mutant(
        "'/ask thanks!' gets the 'outside this FAQ' card and is kept as a missed question",
        "bot/cogs/ask.py",
        "        if said := small_talk(question):\n",
        "        if said := None:\n",
        ("tests/test_bot_e2e.py::test_ask_saying_only_thanks_gets_a_word_back_privately",),
    ),
    Mutant(
        "'thanks! 1000 5' is taken for thanks, its amounts dropped",
        "bot/small_talk.py",
        '    if re.search(r"\\d", text):',
        "    if False:",
        ("tests/test_small_talk.py",),
    ),
    Mutant(
        "console: '/help split' is an unknown command and '/split help' a refused amount",
        "bot/console.py",
        "        if (name := _calculator_help(text)) is not None:",
        "        if (name := None) is not None:",
        ("tests/test_console.py::test_help_for_one_calculator_shows_its_values",),
    ),
    Mutant(
        "console: 'help me' is taken for a question",
        "bot/console.py",
        "        if text.lower() in HELP_WORDS or asks_for_help(text):",
        "        if text.lower() in HELP_WORDS:",
        ("tests/test_console.py::test_help_in_words_is_help",),
    ),
    Mutant(
        "console: 'thanks!' gets 'no FAQ entry looks close'",
        "bot/console.py",
        "        if said := small_talk(text):",
        "        if said := None:",
        ("tests/test_console.py::test_thanks_and_greetings_get_a_word_back_not_no_close_entry",),
    ),
    Mutant(
        "an alias repeating its own title is reported as a duplicate 'also in this file'",
        "knowledge/loader.py",
        "                if owner is entry and _alias_key(entry.title) == key:",
        "                if False:",
        (
            "tests/test_faq_validation.py::test_an_alias_that_repeats_its_own_title_is_named_as_that",
        ),
    ),
    Mutant(
        "a database to fix is named only after minutes of waiting for an unreachable Discord",
        "bot/runner.py",
        "    await _open_when_reachable(store, settings)\n",
        "",
        (
            "tests/test_unreachable.py::test_a_database_to_fix_is_named_at_once_not_after_waiting_for_discord",
        ),
    ),
    Mutant(
        "a damaged vote key found while starting escapes as a traceback",
        "bot/runner.py",
        "    except StorageError as exc:\n        raise _unusable(exc, settings) from N"
        "one\n\n\nasync def _open_when_reachable",
        "    except ZeroDivisionError as exc:\n        raise _unusable(exc, settings) f"
        "rom None\n\n\nasync def _open_when_reachable",
        ("tests/test_startup_failures.py::test_a_damaged_vote_key_file_is_named",),
    ),
    Mutant(
        "console: arrow keys go into the question as escape codes; no history",
        "bot/console.py",
        "    edited = interactive and _line_editor(console, stdin, stdout)\n",
        "    edited = False\n",
        ("tests/test_console.py::test_arrow_keys_edit_the_line_and_bring_back_earlier_ones",),
    ),
    Mutant(
        "a calculator typed with a loss ('split 1000 -50', '/split 1000 -50' in /ask) i"
        "s taken as a question, not pointed at the calculator",
        "calculators/catalog.py",
        'r"\\S*\\d\\S*|%|',
        'r"[$.]?\\d\\S*|%|',
        (
            "tests/test_console.py::test_a_calculator_typed_without_its_slash_is_pointed_at_it",
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "a worked example reads 'After-tax total: $25,000' or 'account value $25,000' a"
        "s the basis, so box 1 shows the total plus the earnings again",
        "calculators/from_text.py",
        "        if word in TOTAL_WORDS and distance <= min(own, TOTAL_REACH):\n"
        '            found.append((distance, "total"))',
        '        if False:\n            found.append((distance, "total"))',
        (
            "tests/test_calc_audit.py::test_a_worked_example_takes_the_basis_out_of_a_stated_total",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "a balance word far before an amount ('let my after-tax balance build for 18 mo"
        "nths: $27k in') makes it a total, and the worked example is lost",
        "calculators/from_text.py",
        "        if word in TOTAL_WORDS and distance <= TOTAL_REACH:",
        "        if word in TOTAL_WORDS:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'the earnings cannot go into a traditional IRA' or 'I dont want the earnings t"
        "o go to a traditional IRA' gives a worked example sending the earnings to a tr"
        "aditional IRA",
        "calculators/from_text.py",
        '    "not t never avoid without cannot "\n'
        '    # ... and the contractions typed without their apostrophe ("dont", "should'
        'nt")\n    "dont doesnt didnt cant couldnt shouldnt wouldnt wont isnt arent was'
        'nt werent".split()',
        '    "not t never avoid without".split()',
        ("tests/test_calc_audit.py::test_where_a_question_sends_the_earnings",),
    ),
    Mutant(
        "'the earnings stay in my traditional 401k' gives a worked example that sends t"
        "he earnings to a traditional IRA",
        "calculators/from_text.py",
        "            return towards and not PLAN_WORDS.intersection(after[j + 1 : j + 2])",
        "            return towards",
        ("tests/test_calc_audit.py::test_where_a_question_sends_the_earnings",),
    ),
    Mutant(
        "a post answered while the database was down (or replaced as corrupt) is answer"
        "ed a second time by the catch-up after a restart",
        CATCH_UP,
        "            if self._replied_to_post(thread, messages):",
        "            if False:",
        (
            "tests/test_faults_e2e.py::test_a_post_answered_without_a_record_is_not_answered_again_after_a_restart",
        ),
    ),
    Mutant(
        "a mention edited into a forum post is lost, with a traceback in the log, when "
        "Discord fails the read of the thread",
        "bot/cogs/answers.py",
        "        except NETWORK_ERRORS as exc:\n"
        "            # The edit comes once: a question dropped for a failed read would "
        "never be\n",
        "        except ZeroDivisionError as exc:\n"
        "            # The edit comes once: a question dropped for a failed read would "
        "never be\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_whose_thread_discord_fails_to_read_is_answered",
        ),
    ),
    Mutant(
        "a forum post locked or closed before its late opening message came is answered"
        " anyway, and a closed one reopened",
        "bot/cogs/answers.py",
        "    async def _post_answer(self, thread: discord.Thread, starter: discord.Mess"
        "age) -> Delivery:\n        if closed(thread):\n",
        "    async def _post_answer(self, thread: discord.Thread, starter: discord.Mess"
        "age) -> Delivery:\n        if False:\n",
        (
            "tests/test_faults_e2e.py::test_a_post_locked_or_closed_before_its_opening_message_came_is_left_alone",
        ),
    ),
    Mutant(
        "a 'You're asking quickly' notice Discord fails leaves an error with a tracebac"
        "k in the log",
        MENTIONS,
        '            log.warning(\n                "could not tell the author of messag'
        'e %s to slow down (%s)",',
        '            log.exception(\n                "could not tell the author of mess'
        'age %s to slow down (%s)",',
        (
            "tests/test_limits_e2e.py::test_a_slow_down_notice_not_given_is_said_plainly_and_given_"
            "at_the_next_mention",
        ),
    ),
    Mutant(
        "a server's @everyone role among moderator_role_ids makes every member an FAQ m"
        "oderator again (a newcomer saves an alias)",
        "bot/roles.py",
        "return any(role.id in allowed and not role.is_default() for role in user.roles)",
        "return any(role.id in allowed for role in user.roles)",
        (
            "tests/test_moderation_e2e.py::test_the_everyone_role_among_the_moderator_roles_makes_no_member_a_moderator",
        ),
    ),
    Mutant(
        "the start no longer says that @everyone among moderator_role_ids makes no one a moderator",
        "bot/server_setup.py",
        "        if guild.id in settings.moderator_role_ids:  # (@everyone's id is its server's)",
        "        if False:  # (@everyone's id is its server's)",
        (
            "tests/test_moderation_e2e.py::test_the_everyone_role_among_the_moderator_roles_makes_no_member_a_moderator",
        ),
    ),
    Mutant(
        "a full answer pasted into the edit form with half an emoji at its end fails wi"
        "th 'Sorry, something went wrong' again",
        "bot/cogs/faq_admin.py",
        "        if (broken := self._half_character()) is not None:",
        "        if (broken := None) is not None:",
        (
            "tests/test_moderation_e2e.py::test_a_form_holding_half_an_emoji_is_refused_in_words_and_gives_the_text_back",
        ),
    ),
    Mutant(
        "the refusal of a form holding half an emoji no longer says after which words it is",
        "knowledge/editing.py",
        '    return " ".join(kept)[-40:]',
        '    return ""',
        (
            "tests/test_moderation_e2e.py::test_a_form_holding_half_an_emoji_is_refused_in_words_and_gives_the_text_back",
        ),
    ),
    Mutant(
        "@everyone named as a helper role lets any passer-by take needs-human off a post",
        "bot/roles.py",
        "        r.id in roles and not r.is_default() for r in user.roles\n",
        "        r.id in roles for r in user.roles\n",
        (
            "tests/test_bot_e2e.py::test_only_who_speaks_for_people_takes_needs_human_off_by_pointing",
        ),
    ),
    Mutant(
        "the FAQ watcher keeps watching a folder that was deleted and made again with t"
        "he same inode number: edits after it are never loaded",
        "bot/cogs/faq_watch.py",
        "                if (Change.deleted, str(folder)) in changes:",
        "                if (Change.deleted, str(folder)) in changes and False:",
        ("tests/test_moderation_e2e.py::test_watcher_follows_a_folder_deleted_and_made_again",),
    ),
    Mutant(
        "an editor's hidden files beside the entries (Emacs's .#lock, macOS's ._ files)"
        " are told as 'not an FAQ entry' notices in faq validate and the moderator log",
        "knowledge/loader.py",
        'markdown = sorted(p for p in faq_dir.iterdir() if p.name.endswith(".md") and visible(p))',
        'markdown = sorted(p for p in faq_dir.iterdir() if p.name.endswith(".md"))',
        (
            "tests/test_moderation_e2e.py::test_an_editors_hidden_files_beside_the_entries_are_no_notices",
        ),
    ),
    Mutant(
        "the FAQ watcher stops for good when its folder cannot be read for a moment (a "
        "release swapped in with mode 700): the release and every later edit go unloade"
        "d",
        "bot/cogs/faq_watch.py",
        "                except PermissionError as exc:",
        "                except ZeroDivisionError as exc:",
        (
            "tests/test_moderation_e2e.py::test_watcher_loads_a_release_it_could_not_read_at_first_once_it_can",
        ),
    ),
    Mutant(
        "a full answer pasted as the short one is also told 'shorten the body' (a body "
        "that was fine), beside the advice to move the detail to the full answer",
        "knowledge/loader.py",
        '            if too_long and part in ("body", ""):',
        '            if False and part in ("body", ""):',
        (
            "tests/test_faq_validation.py::test_a_full_answer_pasted_as_the_short_one_gets_one_piece_of_advice",
        ),
    ),
    Mutant(
        "console: Tab completes the folder's file names, not the console's commands",
        "bot/console.py",
        "    readline.set_completer(complete)\n",
        "",
        ("tests/test_console.py::test_arrow_keys_edit_the_line_and_bring_back_earlier_ones",),
    ),
    Mutant(
        "console: Tab offers every command whatever was typed",
        "bot/console.py",
        "            return [n for n in names if n.startswith(command.lower())]\n",
        "            return names\n",
        ("tests/test_console.py::test_tab_offers_commands_and_entry_ids_not_words_of_a_question",),
    ),
    Mutant(
        "worked example: a verb after 'and' counts for the amount before it too ('$20,0"
        "00 and earned $300' gives no example)",
        "calculators/from_text.py",
        "    return next((i for i, word in enumerate(found) if word in CLAUSE_WORDS), len(found))",
        "    return len(found)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "sync --guild: a server id pasted with spaces around it is refused",
        "bot/cli/service.py",
        '    digits = text.strip(" \\t")',
        "    digits = text",
        ("tests/test_bot_e2e.py::test_sync_print_shows_the_payload_without_a_token",),
    ),
    Mutant(
        "a pointer whose nickname is a link makes 'Pointed here by ...' a link to click"
        " under the bot's name",
        "bot/embeds.py",
        '    return escaped.replace("<", "\\\\<").replace("://", "\\\\://")\n',
        '    return escaped.replace("<", "\\\\<")\n',
        (
            "tests/test_bot_e2e.py::test_a_pointers_name_that_is_a_link_is_shown_as_text",
            "tests/test_hostile_inputs.py::test_hostile_input[bare-link/amount]",
        ),
    ),
    Mutant(
        "markdown inside a pointer's link-shaped nickname renders (italics, spoilers) i"
        "n 'Pointed here by ...'",
        "bot/embeds.py",
        "    return escape_markdown(text, ignore_links=False)\n",
        "    return escape_markdown(text)\n",
        ("tests/test_bot_e2e.py::test_a_pointers_name_that_is_a_link_is_shown_as_text",),
    ),
    Mutant(
        "rollover-bot ask '/split 1000 5' (text) says 'not sure, these may help' and na"
        "mes no calculator",
        "bot/cli/ask.py",
        "    if not args.json and (hint := calculator_text(question)) is not None:\n",
        "    if False and (hint := calculator_text(question)) is not None:\n",
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "a calculator's command on a line of rollover-bot ask - (text) is matched as a question",
        "bot/cli/ask.py",
        (
            "                    else calculator_text(question) or "
            "fitted(partial(answer_text, kb, result))\n"
        ),
        "                    else fitted(partial(answer_text, kb, result))\n",
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "'Not what I asked' where Discord refuses the deletion says 'Removed.' then 'so"
        "mething went wrong', and the miss is not recorded",
        "bot/views.py",
        "            except NETWORK_ERRORS as exc:\n                # Access to the channel lost",
        "            except ZeroDivisionError as exc:\n"
        "                # Access to the channel lost",
        (
            "tests/test_bot_e2e.py::test_not_what_i_asked_where_discord_refuses_the_removal_says_the_answer_stays",
        ),
    ),
    Mutant(
        "the member is told 'Removed.' for an answer Discord would not remove",
        "bot/views.py",
        "                await _correct(interaction, ANSWER_KEPT)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_not_what_i_asked_where_discord_refuses_the_removal_says_the_answer_stays",
        ),
    ),
    Mutant(
        "after a refused 'Not what I asked' removal, a moderator deleting that answer o"
        "utright leaves the post tagged answered with no answer",
        "bot/views.py",
        "                bot.deleted_by_me.release(interaction.message.id)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_not_what_i_asked_where_discord_refuses_the_removal_says_the_answer_stays",
        ),
    ),
    Mutant(
        "a command Discord has in an older form (after an upgrade, before sync) gets 'S"
        "orry, something went wrong on my side' and an error with a traceback",
        "bot/cogs/errors.py",
        "    if isinstance(error, OUT_OF_SYNC_ERRORS):\n        return OUT_OF_SYNC\n",
        "",
        ("tests/test_bot_e2e.py::test_a_command_discord_has_in_an_older_form_says_so_not_sorry",),
    ),
    Mutant(
        "the log does not name a command Discord has in an older form, nor say to run r"
        "ollover-bot sync",
        "bot/cogs/errors.py",
        "        if isinstance(error, OUT_OF_SYNC_ERRORS):  # (the operator's to fix, b"
        "y its name)\n",
        "        if False:\n",
        ("tests/test_bot_e2e.py::test_a_command_discord_has_in_an_older_form_says_so_not_sorry",),
    ),
    Mutant(
        "a member who may not post in a channel (announcements) has the bot post /ask, "
        "/faq user: (with its ping) and calculator results there for them",
        "bot/replies.py",
        "    return (False, None) if may_post else (True, PRIVATE_HERE)\n",
        "    return (False, None)\n",
        (
            "tests/test_bot_e2e.py::test_a_public_reply_where_the_member_may_not_post_goes_to_them_only",
        ),
    ),
    Mutant(
        "in a forum post a member may not reply in, their calculator result is posted in public",
        "bot/replies.py",
        '    in_thread = getattr(interaction.channel, "type", None) in _THREADS\n',
        "    in_thread = False\n",
        (
            "tests/test_bot_e2e.py::test_a_public_reply_where_the_member_may_not_post_goes_to_them_only",
        ),
    ),
    Mutant(
        "/schedule used where the member may not post posts its result and chart there in public",
        "bot/cogs/calculators.py",
        (
            "        private, note = privately_here(interaction, private)\n"
            "        # A reply a stop lets"
        ),
        "        note = None\n        # A reply a stop lets",
        (
            "tests/test_bot_e2e.py::test_a_public_reply_where_the_member_may_not_post_goes_to_them_only",
        ),
    ),
    Mutant(
        "'/faq user:' where the member may not post pings that member there in public",
        "bot/cogs/ask.py",
        "        private, note = privately_here(interaction, private)\n        if topic is None:",
        "        note = None\n        if topic is None:",
        (
            "tests/test_bot_e2e.py::test_a_public_reply_where_the_member_may_not_post_goes_to_them_only",
        ),
    ),
    Mutant(
        "a post handed to people in a forum without the needs-human tag is left untagge"
        "d with no word to the moderators",
        "bot/forum_tags.py",
        "    if extra is None and wanted:\n",
        "    if extra is None and not wanted:\n",
        (
            "tests/test_bot_e2e.py::test_a_post_asking_for_a_person_in_a_forum_without_the_tag_is_told_to_the_moderators",
        ),
    ),
    Mutant(
        "a forum post owed its answer is answered after a restart although its forum wa"
        "s taken out of the settings",
        "bot/cogs/answers.py",
        "        if not self._is_watched_forum(thread):\n            # Its forum was taken out",
        "        if False:\n            # Its forum was taken out",
        (
            "tests/test_faults_e2e.py::test_replies_owed_where_the_bot_no_longer_answers_are_not_sent_after_a_restart",
        ),
    ),
    Mutant(
        "a mention owed its reply is answered after a restart although its channel was "
        "taken out of the settings",
        "bot/cogs/answers.py",
        "                elif not self._watched_channel(channel):\n",
        "                elif False:\n",
        (
            "tests/test_faults_e2e.py::test_replies_owed_where_the_bot_no_longer_answers_are_not_sent_after_a_restart",
        ),
    ),
    Mutant(
        "a watched forum's answered tag renamed while the bot runs is said to nobody un"
        "til the next start",
        "bot/app.py",
        "        await server_setup.report_tags_lost(self, before, after)\n",
        "        pass\n",
        (
            "tests/test_bot_e2e.py::test_a_watched_forum_losing_the_answered_tag_is_told_to_the_moderators_at_once",
        ),
    ),
    Mutant(
        "a tag renamed on a forum the bot does not watch is reported to the moderator l"
        "og as a setup problem",
        "bot/server_setup.py",
        "        or after.id not in bot.settings.discord.forum_channel_ids\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_watched_forum_losing_the_answered_tag_is_told_to_the_moderators_at_once",
        ),
    ),
    Mutant(
        "a member deleting a message in a post a moderator tagged answered by hand take"
        "s the tag off and asks for a person",
        DELETIONS,
        "        if me is not None and all(m is not None and m.author.id != me.id for m"
        " in gone):\n",
        "        if False:\n",
        (
            "tests/test_bot_e2e.py::test_a_post_a_moderator_tagged_answered_keeps_its_tag_when_a_member_deletes_a_message",
        ),
    ),
    Mutant(
        "a moderator's bulk delete of members' messages in a post tagged answered by ha"
        "nd takes the tag off and asks for a person",
        DELETIONS,
        "        gone = cached if len(cached) == len(payload.message_ids) else [None]\n",
        "        gone = [None]\n",
        (
            "tests/test_bot_e2e.py::test_a_post_a_moderator_tagged_answered_keeps_its_tag_when_a_member_deletes_a_message",
        ),
    ),
    Mutant(
        "a post asking for a person whose retag Discord refuses keeps its answered tag "
        "with no word to the moderators",
        "bot/forum_tags.py",
        "            await mod_log.post(\n                bot,\n"
        '                f"{thread.mention} is handed to people (its answer is gone), b'
        'ut it could not "\n',
        "            (lambda *_: None)(\n                bot,\n"
        '                f"{thread.mention} is handed to people (its answer is gone), b'
        'ut it could not "\n',
        (
            "tests/test_bot_e2e.py::test_a_post_asking_for_a_person_that_discord_will_not_retag_is_told_to_the_moderators",
        ),
    ),
    Mutant(
        "a refused reload no longer names an entry renamed to 'x.MD' (in Discord and th"
        "e moderator log): only the other files' 'related id does not exist' lines",
        "bot/app.py",
        "                return ReloadResult(False, problems=exc.problems, unread=exc.unread)\n",
        "                return ReloadResult(False, problems=exc.problems)\n",
        (
            "tests/test_moderation_e2e.py::test_a_refused_reload_names_an_entry_renamed_to_a_name_no_load_reads",
        ),
    ),
    Mutant(
        "the console's refused reload no longer names an entry renamed to 'x.MD'",
        "knowledge/base.py",
        "                raise FaqInvalid(scan.problems, unread_files(scan.notices))\n",
        "                raise FaqInvalid(scan.problems)\n",
        (
            "tests/test_console.py::test_a_refused_reload_names_an_entry_renamed_to_a_name_no_load_reads",
            "tests/test_moderation_e2e.py::test_a_refused_reload_names_an_entry_renamed_to_a_name_no_load_reads",
        ),
    ),
    Mutant(
        "a source URL's problem (http://, a note after the link) is told at the source'"
        "s title line instead of the url line",
        "knowledge/loader.py",
        '    if len(loc) >= 3 and (inner := f"{loc[0]}[{loc[1]}].{loc[2]}") in key_lines:\n',
        '    if False and len(loc) >= 3 and (inner := f"{loc[0]}[{loc[1]}].{loc[2]}") i'
        "n key_lines:\n",
        ("tests/test_faq_validation.py::test_non_https_source_is_refused_with_its_line",),
    ),
    Mutant(
        "a '---' run together with the line before or after it ('---The full answer') i"
        "s told as 'front matter is not closed' at line 1",
        "knowledge/frontmatter.py",
        "        if glued is not None:\n            raise FrontMatterError(glued + 1, G"
        "LUED_MESSAGE) from None\n",
        "",
        (
            "tests/test_faq_validation.py::test_a_front_matter_line_run_together_with_its_neighbour_is_told_at_its_line",
        ),
    ),
    Mutant(
        "/faq-admin reload after the watcher loaded an edit says '0 added, 0 changed, 0"
        " removed', as if the edit was not taken",
        "bot/cogs/faq_admin.py",
        "    if result.ok and not result.diff.anything:\n",
        "    if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_reload_after_the_watcher_took_an_edit_says_nothing_is_new_and_why",
        ),
    ),
    Mutant(
        "/faq-admin edit and alias refuse a topic typed as the id reads ('Notice 2014 5"
        "4') or as the entry's title, as 'not a valid entry id'",
        "bot/cogs/faq_admin.py",
        "        entry_id = typed_entry(self.bot.knowledge, topic)\n",
        "        entry_id = topic.strip()\n",
        (
            "tests/test_moderation_e2e.py::test_a_topic_typed_without_picking_a_suggestion_names_its_entry",
        ),
    ),
    Mutant(
        "a review decision into an examples file kept elsewhere through a link replaces"
        " the link with a plain file; the file elsewhere never gets the question",
        "knowledge/editing.py",
        "    path = Path(os.path.realpath(path))\n",
        "",
        (
            "tests/test_faq_editing.py::test_a_decision_into_an_examples_file_kept_elsewhere_through_a_link_goes_there",
        ),
    ),
    Mutant(
        "the review queue groups the newest 3,000 questions of any kind: a flood of una"
        "nswered questions hides an older 'Not what I asked' from /faq-admin review and"
        " the digest",
        "bot/storage/reports.py",
        "    newest.sort(key=lambda q: rank.get(q.review_kind, len(rank)))  # (stable: "
        "newest first)\n",
        "",
        ("tests/test_storage.py::test_a_flood_of_unanswered_questions_hides_no_older_miss",),
    ),
    Mutant(
        "SQLite's review reads the newest 3,000 messages pointed at entries, decided or"
        " not: once those are decided an older undecided one never reaches the queue",
        "bot/storage/sqlite.py",
        "            questions = await worst_first_window(pages, reviewed)\n",
        "            questions = await worst_first_window(pages[:-1], reviewed) + await"
        " taught_page(3000, 0)\n",
        ("tests/test_storage.py::test_messages_pointed_at_entries_and_decided_hide_no_older_one",),
    ),
    Mutant(
        "a new database on a full disk stops the start as a setting to fix (exit 2, nev"
        "er restarted by the supervisor)",
        "bot/storage/sqlite.py",
        "    if code & 0xFF == sqlite3.SQLITE_FULL:\n        return True\n",
        "    if code & 0xFF == sqlite3.SQLITE_FULL:\n        return False\n",
        (
            "tests/test_startup_failures.py::test_a_full_disk_at_start_is_said_and_exits_1_to_be_retried",
        ),
    ),
    Mutant(
        "a database in use before, its disk full at start, is 'disk I/O error' with exi"
        "t 2 (never restarted), not a full disk",
        "bot/storage/sqlite.py",
        "        return shutil.disk_usage(folder).free < NO_ROOM_BYTES\n",
        "        return False\n",
        (
            "tests/test_startup_failures.py::test_a_full_disk_at_start_is_said_and_exits_1_to_be_retried",
        ),
    ),
    Mutant(
        "a PostgreSQL server out of connections for the bot's listening connection ends"
        " the start in a traceback",
        "bot/storage/postgres.py",
        "        try:\n            await self._listen()\n"
        "        except (OSError, asyncpg.PostgresError) as exc:\n",
        "        try:\n            await self._listen()\n"
        "        except ZeroDivisionError as exc:\n",
        (
            "tests/test_startup_failures.py::test_a_postgres_server_out_of_connections_at_start_is_one_error_line_exit_1",
        ),
    ),
    Mutant(
        "a process whose clock is fast takes the replies other processes are still sending",
        "bot/storage/postgres.py",
        '"       WHERE due_at <= now() ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) d"',
        "\"       WHERE due_at <= now() + interval '10 minutes' ORDER BY created_at LIMIT "
        '$2 FOR UPDATE SKIP LOCKED) d"',
        (
            "tests/test_storage.py::test_a_process_whose_clock_is_off_keeps_to_the_leases_of_the_others",
        ),
    ),
    Mutant(
        "a process whose clock is slow writes leases already run out for the others",
        "bot/storage/postgres.py",
        "    return pending_values(reply, clean_text, lambda when: as_utc(when) - now)",
        "    return pending_values(reply, clean_text, lambda when: as_utc(when) - as_ut"
        "c(dt.datetime.now(dt.UTC)))",
        (
            "tests/test_storage.py::test_a_process_whose_clock_is_off_keeps_to_the_leases_of_the_others",
        ),
    ),
    Mutant(
        "a process whose clock is off says nothing of it at start",
        "bot/storage/postgres.py",
        "        if abs(off) > CLOCK_OFF_SECONDS:",
        "        if abs(off) > 365 * 86_400:",
        ("tests/test_storage.py::test_a_process_whose_clock_is_off_says_so_in_its_log_at_start",),
    ),
    Mutant(
        "a database down under the bot logs a traceback on every pass of the retry queue",
        "bot/cogs/retries.py",
        "        except DatabaseUnavailable as exc:\n",
        "        except DatabaseUnavailable as exc:  # noqa\n"
        '            log.exception("a pass over the retry queue failed")\n',
        (
            "tests/test_processes_e2e.py::test_a_database_restarted_under_the_bot_is_one_warning_and_loses_no_owed_reply",
        ),
    ),
    Mutant(
        "a database out of reach mid-run is a driver error, not DatabaseUnavailable",
        "bot/storage/postgres.py",
        "            if (cause := out_of_reach(exc)) is None:\n",
        "            if (cause := None) is None:\n",
        (
            "tests/test_processes_e2e.py::test_a_database_restarted_under_the_bot_is_one_warning_and_loses_no_owed_reply",
        ),
    ),
    Mutant(
        "the retry queue never says the database is reachable again",
        "bot/cogs/retries.py",
        '            log.info("the retry queue reaches the database again")',
        "            pass",
        (
            "tests/test_processes_e2e.py::test_a_database_restarted_under_the_bot_is_one_warning_and_loses_no_owed_reply",
        ),
    ),
    Mutant(
        "the console's /ask sends thanks, help and a calculator's command to the matche"
        "r instead of replying as typing them does",
        "bot/console.py",
        'return ConsoleReply(self._said(rest.strip()) if rest.strip() else self._ask(""))',
        "return ConsoleReply(self._ask(rest))",
        ("tests/test_console.py::test_ask_is_the_same_as_typing_the_question",),
    ),
    Mutant(
        "a user with no home folder (HOME unset, no passwd entry) gets an internal faul"
        "t from every command that loads the FAQ",
        "knowledge/cache.py",
        "        except RuntimeError:\n            # No HOME, and a user with no home folder",
        "        except KeyError:\n            # No HOME, and a user with no home folder",
        (
            "tests/test_matcher_cache.py::test_a_user_with_no_home_folder_gets_answers_and_one_warning",
        ),
    ),
    Mutant(
        "a database out of reach at start (PostgreSQL restarting, a SQLite file a backu"
        "p holds) ends the start at once instead of being waited for",
        "bot/runner.py",
        "            waitable=lambda exc: str(exc) if isinstance(exc, DatabaseUnavailabl"
        "e) else None,\n",
        "            waitable=lambda exc: None,\n",
        (
            "tests/test_startup_failures.py::test_a_database_back_while_the_bot_waits_for_it_lets_it_start",
            "tests/test_startup_failures.py::test_a_database_server_out_of_reach_exits_1_not_2",
        ),
    ),
    Mutant(
        "SIGTERM while the console loads the FAQ kills it (143) instead of stopping it (0)",
        "bot/cli/service.py",
        "        with _terminated_raises():\n            kb, fallback = serving_knowled"
        "ge(args)\n            return console.run(",
        "        kb, fallback = serving_knowledge(args)\n"
        "        with _terminated_raises():\n            return console.run(",
        ("tests/test_console.py::test_sigterm_while_the_console_loads_the_faq_is_a_stop_too",),
    ),
    Mutant(
        "sync lists the Answer with FAQ message menu as a slash command (/Answer with FAQ)",
        "bot/runner.py",
        "    if command.type is discord.AppCommandType.chat_input:\n"
        '        return f"/{command.name}"',
        '    if True:\n        return f"/{command.name}"',
        ("tests/test_bot_e2e.py::test_sync_command_registers_commands",),
    ),
    Mutant(
        "matcher cache: a relative XDG_CACHE_HOME is used, a cache in whatever folder t"
        "he bot started from",
        "knowledge/cache.py",
        "    if not base or not os.path.isabs(base):",
        "    if not base:",
        (
            "tests/test_matcher_cache.py::test_switched_off_or_unwritable_means_no_files_and_no_error",
        ),
    ),
    Mutant(
        "the worked example under an answer leaves out the calculator's warnings (a los"
        "s reads as nothing to worry about)",
        "bot/embeds.py",
        '    for name, value in _warning_fields(result.warnings, f"`{command}`", room=T'
        "OTAL):\n        embed.add_field(name=name, value=value, inline=False)\n",
        "",
        ("tests/test_bot_e2e.py::test_a_worked_example_carries_the_calculators_warnings",),
    ),
    Mutant(
        "a long title in a menu or autocomplete is cut mid-word with no mark that it goes on",
        "bot/embeds.py",
        "    head = text[:cut] if cut > limit // 2 else text[: limit - 1]\n"
        '    return head.rstrip(" ,;:") + "…"\n',
        "    return text[:limit]\n",
        (
            "tests/test_bot_e2e.py::test_long_titles_in_menus_and_suggestions_are_cut_at_a_word_and_marked",
        ),
    ),
    Mutant(
        "the close-matches and suggestions menu cuts long titles mid-word",
        "bot/views.py",
        "label=clipped(h.title, 100)",
        "label=h.title[:100]",
        (
            "tests/test_bot_e2e.py::test_long_titles_in_menus_and_suggestions_are_cut_at_a_word_and_marked",
        ),
    ),
    Mutant(
        "/faq's autocomplete cuts long titles mid-word",
        "bot/cogs/ask.py",
        "name=clipped(h.title, 100)",
        "name=h.title[:100]",
        (
            "tests/test_bot_e2e.py::test_long_titles_in_menus_and_suggestions_are_cut_at_a_word_and_marked",
        ),
    ),
    Mutant(
        "the picker's 'More entries' line cuts its titles mid-word",
        "bot/entry_menus.py",
        '    return f"More entries: {clipped(options[0].label, 60)} … {clipped(options['
        '-1].label, 60)}"\n',
        '    return f"More entries: {options[0].label[:60]} … {options[-1].label[:60]}"\n',
        (
            "tests/test_bot_e2e.py::test_long_titles_in_menus_and_suggestions_are_cut_at_a_word_and_marked",
        ),
    ),
    Mutant(
        "the start's wait (for Discord and for the database) gives up after one failed "
        "try instead of retrying with backoff",
        "bot/reachability.py",
        '            if left <= 0:\n                waited = f"; gave up after {give_up'
        '_after:g}s" if give_up_after else ""\n                raise give_up(exc, waite'
        "d) from None\n",
        '            if True:\n                waited = f"; gave up after {give_up_afte'
        'r:g}s" if give_up_after else ""\n                raise give_up(exc, waited) fr'
        "om None\n",
        (
            "tests/test_unreachable.py::test_start_waits_for_discord_to_come_back",
            "tests/test_startup_failures.py::test_a_database_back_while_the_bot_waits_for_it_lets_it_start",
        ),
    ),
    Mutant(
        "a malformed ROLLOVER_TOKEN is blamed on DISCORD_TOKEN, which the operator never set",
        "bot/startup.py",
        '_TOKEN_NAMES = "the token (DISCORD_TOKEN or ROLLOVER_TOKEN)"',
        '_TOKEN_NAMES = "DISCORD_TOKEN"',
        ("tests/test_console.py::test_malformed_token_is_refused_without_echoing_it",),
    ),
    Mutant(
        "the split entry says again that a plan must make two direct rollovers when asked",
        "knowledge/faq/split-earnings-to-traditional-ira.md",
        "A plan needn't make two direct rollovers of one payout (26 CFR 1.401(a)(31)-1,"
        " Q&A-10): ask.",
        "A plan must make two direct rollovers of one payout (26 CFR 1.401(a)(31)-1, Q&A-10): ask.",
        (
            "tests/test_faq_content.py::test_the_split_entry_says_a_plan_need_not_make_two_direct_rollovers",
        ),
    ),
    Mutant(
        "direct-vs-indirect-rollover cites 26 CFR 1.402(c)-2 by its pre-2024 Q&A numbers again",
        "knowledge/faq/direct-vs-indirect-rollover.md",
        "26 CFR 1.402(c)-2 (paragraph (f), required minimum distributions; Q&A-7 and Q&"
        "A-8 until T.D. 10001 restated the section in 2024)",
        "26 CFR 1.402(c)-2 (Q&A-7, a year's minimum distribution comes first; Q&A-8, un"
        "taxed amounts count toward it first)",
        (
            "tests/test_faq_content.py::test_sources_cite_the_rollover_regulation_as_restated_in_2024",
        ),
    ),
    Mutant(
        "a year added to the limits table with figures missing stops every command with"
        " a 40-line traceback",
        "calculators/limits.py",
        "        except ValidationError as exc:\n"
        '            raise LimitsTableError(f"{where}: {year}: {_what_is_wrong(exc)}") '
        "from None",
        "        except ZeroDivisionError as exc:\n"
        '            raise LimitsTableError(f"{where}: {year}: {_what_is_wrong(exc)}") '
        "from None",
        (
            "tests/test_calc_room.py::test_a_year_added_with_figures_missing_stops_every_command_with_one_line",
            "tests/test_calc_room.py::test_a_mistake_in_the_year_table_is_named_with_its_year",
        ),
    ),
    Mutant(
        "a mistake in the limits table ends the command as an unexpected internal fault"
        ", with a traceback",
        "bot/cli/__init__.py",
        "    except LimitsTableError as exc:",
        "    except ZeroDivisionError as exc:",
        (
            "tests/test_calc_room.py::test_a_year_added_with_figures_missing_stops_every_command_with_one_line",
        ),
    ),
    Mutant(
        "the limits table is read as form8606 loads, so a mistake in it is a traceback "
        "before any command",
        "calculators/form8606.py",
        "def _most_an_ira_takes() -> Decimal:",
        "_EAGER = load_limits()\n\n\ndef _most_an_ira_takes() -> Decimal:",
        (
            "tests/test_calc_room.py::test_a_year_added_with_figures_missing_stops_every_command_with_one_line",
        ),
    ),
    Mutant(
        "a year of the limits table left without the 60-63 catch-up is taken, and /room"
        " holds a 61-year-old to the age-50 catch-up",
        "calculators/limits.py",
        "            if getattr(before, name) is not None and getattr(row, name) is None:",
        "            if False:",
        ("tests/test_calc_room.py::test_a_year_copied_with_a_slip_is_refused_not_read_wrong",),
    ),
    Mutant(
        "a year block copied with its year unchanged silently replaces that year's figu"
        "res in the limits table",
        "calculators/limits.py",
        "        raw = yaml.load(text, Loader=_Loader)  # (a SafeLoader)",
        "        raw = yaml.safe_load(text)",
        ("tests/test_calc_room.py::test_a_year_copied_with_a_slip_is_refused_not_read_wrong",),
    ),
    Mutant(
        "a later year marked as a Roth catch-up transition year is taken, and /room calls it one",
        "calculators/limits.py",
        "        if enforced and not row.roth_catch_up_enforced:",
        "        if False:",
        ("tests/test_calc_room.py::test_a_year_copied_with_a_slip_is_refused_not_read_wrong",),
    ),
    Mutant(
        "/room for a year without figures (2027 in December) names the supported years "
        "but not where the IRS publishes the limits",
        "calculators/limits.py",
        '            f"are {listed}); {where_the_irs_publishes()}",',
        '            f"are {listed})",',
        (
            "tests/test_calc_room.py::test_a_year_without_figures_says_so_and_where_the_irs_publishes_them",
        ),
    ),
    Mutant(
        "an answer asked about a year without figures (2027 in December) gives the figu"
        "res it has with no word that it has none for that year",
        "bot/answering.py",
        "        extras = [year_note_embed(note)] if note is not None else []",
        "        extras = []",
        (
            "tests/test_bot_e2e.py::test_an_answer_asked_about_a_year_without_figures_says_so_and_where_the_irs_publishes",
        ),
    ),
    Mutant(
        "'this year' asked at 03:00 UTC on January 1 is read by the bot's clock alone, "
        "not as the old year it still is in the Americas",
        "bot/year_note.py",
        "        years |= {(now + zone).year + offset for zone in _ZONES}",
        "        years |= {now.year + offset}",
        ("tests/test_year_note.py::test_the_years_a_question_asks_about",),
    ),
    Mutant(
        "'next year' asked in December is not taken as a year, and the answer gives thi"
        "s year's figures without a word",
        "bot/year_note.py",
        "    for said in _RELATIVE.finditer(question):",
        "    for said in ():",
        (
            "tests/test_year_note.py::test_the_years_a_question_asks_about",
            "tests/test_year_note.py::test_the_line_is_only_for_an_answer_with_figures_by_year_and_a_year_it_lacks",
        ),
    ),
    Mutant(
        "rollover-bot ask --json leaves out the year note the Discord answer carries",
        "bot/cli/ask.py",
        '        data["year_note"] = note',
        "        pass",
        (
            "tests/test_cli_ask.py::test_an_answer_asked_about_a_year_without_figures_carries_the_year_note",
        ),
    ),
    Mutant(
        "a year note is put under answers that state no figures by year",
        "bot/year_note.py",
        "    if not shown:\n        return None",
        "    if not shown:\n        shown = supported_years()",
        (
            "tests/test_year_note.py::test_the_line_is_only_for_an_answer_with_figures_by_year_and_a_year_it_lacks",
        ),
    ),
    Mutant(
        "an amount such as $2,026 or 2026.50 in a question is read as a year",
        "bot/year_note.py",
        '_YEAR = re.compile(r"(?<![\\w$,.])(20\\d\\d)(?![\\w,]|\\.\\d)")',
        '_YEAR = re.compile(r"(20\\d\\d)")',
        ("tests/test_year_note.py::test_the_years_a_question_asks_about",),
    ),
    Mutant(
        "a taught question of no word the matcher reads (Cyrillic) is still not answered"
        " asked again word for word",
        "knowledge/matcher.py",
        "            chosen = min(taught_ids) if taught_ids else named\n",
        "            chosen = None\n",
        (
            "tests/test_matcher.py::test_a_question_of_no_word_the_matcher_reads_is_decided_by_its_example_or_alias",
            "tests/test_moderation_e2e.py::test_a_pick_of_a_question_the_matcher_reads_no_word_of_answers_it",
        ),
    ),
    Mutant(
        "'faq review' and 'faq gaps' stop at --limit and say nothing of the items still"
        " waiting beyond it",
        "bot/cli/faq.py",
        "    return kept[:most], len(kept) > most\n",
        "    return kept[:most], False\n",
        (
            "tests/test_storage.py::test_cli_gaps_and_review_say_when_more_wait_than_the_limit_shows",
        ),
    ),
    Mutant(
        "'faq review' and 'faq gaps' say more wait than --limit shows when the only one"
        " left is a question the FAQ answers now",
        "bot/cli/faq.py",
        "    return kept[:most], len(kept) > most\n",
        "    return kept[:most], len(items) > most\n",
        (
            "tests/test_storage.py::test_cli_gaps_and_review_say_when_more_wait_than_the_limit_shows",
        ),
    ),
    Mutant(
        "An examples file saved by hand while a review decision is written loses the ha"
        "nd edit: the decision writes the file as it read it, plus its question",
        "knowledge/editing.py",
        "    if read_text(target) != read:\n        raise _ChangedMeanwhile\n",
        "",
        (
            "tests/test_faq_editing.py::test_an_examples_file_saved_by_hand_while_a_decision_is_written_keeps_both",
        ),
    ),
    Mutant(
        "A review decision whose examples file was saved by hand meanwhile is refused a"
        "t once instead of being added to the file as saved",
        "knowledge/editing.py",
        "CHANGED_TRIES = 3\n",
        "CHANGED_TRIES = 1\n",
        (
            "tests/test_faq_editing.py::test_an_examples_file_saved_by_hand_while_a_decision_is_written_keeps_both",
        ),
    ),
    Mutant(
        "/faq-admin gaps lists its ten most frequent groups and says nothing of the gro"
        "ups still waiting after them",
        "bot/cogs/faq_admin.py",
        "            if len(groups) > GAPS_SHOWN\n",
        "            if False\n",
        ("tests/test_moderation_e2e.py::test_gaps_say_when_more_groups_wait_than_the_list_shows",),
    ),
    Mutant(
        "/faq-admin gaps lists the eleventh group it fetched only to tell whether more wait",
        "bot/cogs/faq_admin.py",
        "        for g in groups[:GAPS_SHOWN]:\n",
        "        for g in groups:\n",
        ("tests/test_moderation_e2e.py::test_gaps_say_when_more_groups_wait_than_the_list_shows",),
    ),
    Mutant(
        "A review item whose entry was retired or renamed shows the old id in bold as i"
        "f it were an entry's title",
        "bot/review.py",
        '        title = f"**{neutralize(item.entry_id)}** (an entry no longer in the FAQ)"\n',
        '        title = f"**{neutralize(item.entry_id)}**"\n',
        (
            "tests/test_moderation_e2e.py::test_a_review_item_whose_entry_was_removed_says_the_entry_is_gone",
        ),
    ),
    Mutant(
        "A question a moderator filed in _off-topic.yaml by hand (as 'faq review' says "
        "to) stays in the review queue and tops the gaps, in Discord and on the command"
        " line",
        "bot/storage/reports.py",
        "        filed[key] = filed.get(key, frozenset()) | frozenset(example.ids or (None,))\n",
        "        filed[key] = filed.get(key, frozenset()) | frozenset(example.ids)\n",
        (
            "tests/test_storage.py::test_cli_gaps_and_review_leave_out_a_question_filed_off_topic_by_hand",
        ),
    ),
    Mutant(
        "An unsure answer, a member's pointer or a missed answer whose question a moder"
        "ator filed in an examples file by hand stays in the review queue for good",
        "bot/storage/reports.py",
        "        if not decided_in_files(item, filed)\n",
        "        if True\n",
        ("tests/test_storage.py::test_cli_review_leaves_out_items_decided_in_the_examples_files",),
    ),
    Mutant(
        "A 'Not what I asked' of an answer that an example teaches word for word leaves"
        " the review queue, hiding from moderators that members reject that example",
        "bot/storage/reports.py",
        "        return item.entry_id not in named\n",
        "        return True\n",
        ("tests/test_storage.py::test_cli_review_leaves_out_items_decided_in_the_examples_files",),
    ),
    Mutant(
        "A helper's pointer of a question to another entry than the one its example nam"
        "es leaves the review queue unseen",
        "bot/storage/reports.py",
        "        return item.entry_id in named\n",
        "        return True\n",
        ("tests/test_storage.py::test_cli_review_leaves_out_items_decided_in_the_examples_files",),
    ),
    Mutant(
        "a helper's Answer with FAQ on a question about a year the table lacks gives th"
        "e figures with no word about the year",
        "bot/cogs/point.py",
        "            embeds += [year_note_embed(note)] if note is not None else []\n",
        "            embeds += []\n",
        (
            "tests/test_bot_e2e.py::test_a_pointed_answer_asked_about_a_year_without_figures_carries_the_year_line",
        ),
    ),
    Mutant(
        "a calculator typed with a value left out ('/room 24500 10000') says only that "
        "the last value is not given",
        "calculators/catalog.py",
        "            if positional and field in self.params and field not in values:\n",
        "            if False:\n",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "a long question in the review is escaped, then cut: a backslash left alone before the '…'",
        "bot/review.py",
        "    asked = neutralize(clipped(item.example, 1500))\n",
        '    asked = neutralize(item.example)\n    asked = asked[:1500] + "…" if len(as'
        "ked) > 1500 else asked\n",
        (
            "tests/test_moderation_e2e.py::test_a_long_question_in_the_review_is_cut_between_words_never_inside_an_escape",
        ),
    ),
    Mutant(
        "A question whose earnings figure holds a zero-width space or soft hyphen ('$4\u200b"
        "12', seen as $412) gets a worked example of $4 of earnings under the answer",
        "calculators/amount_doubts.py",
        "    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(close):\n"
        "        return True  # part of a number shown whole",
        "    if False:\n        return True  # part of a number shown whole",
        (
            "tests/test_calc_audit.py::test_a_figure_shown_whole_is_not_worked_through_in_part",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "A question saying it 'earned 1 200.50' (thousands set apart by a space) gets a"
        " worked example of $200.50 of earnings under the answer",
        "calculators/amount_doubts.py",
        "    if _SPACED_HEAD.search(close) and _GROUP_FIRST.match(text, start):\n"
        "        return True",
        "    if False:\n        return True",
        (
            "tests/test_calc_audit.py::test_a_figure_shown_whole_is_not_worked_through_in_part",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "A question whose earnings are '$1 200' with a thin space gets a worked example"
        " of $1 of earnings under the answer",
        "calculators/amount_doubts.py",
        '_NUMBER_SPACES = " \\u00a0\\u2007-\\u200a\\u202f"',
        '_NUMBER_SPACES = " \\u00a0\\u202f"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "A question about '$23,000 pre‐tax' money, hyphenated as a PDF or word processo"
        "r writes it, gets that money worked through as nontaxable after-tax basis unde"
        "r the answer",
        "calculators/from_text.py",
        '    text = plain_hyphens(text)  # ("$23,000 pre‐tax" pasted from a PDF is pretax money)\n',
        "",
        (
            "tests/test_calc_audit.py::test_pretax_money_hyphenated_as_a_pdf_writes_it_gets_no_worked_example",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "A question whose earnings are '－$500' (a loss, with the full-width minus an Ea"
        "st Asian keyboard types) gets $500 of taxable earnings worked through under th"
        "e answer",
        "calculators/amount_doubts.py",
        '\\u2212\\u2e3a\\u2e3b\\ufe58\\ufe63\\uff0d"\n    "\\u2796\\u207b\\u208b\\u02d7"\n',
        '\\u2212"\n',
        (
            "tests/test_calc_audit.py::test_a_loss_with_a_full_width_minus_is_not_worked_through_as_earnings",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "A question pasted from a PDF, its hyphens U+2010 ('after‐tax', 'pro‐rata'), go"
        "es unanswered or gets another entry than the same question typed",
        "knowledge/normalize.py",
        '    0x2010: "-",\n    0x2011: "-",\n',
        "",
        (
            "tests/test_matcher.py::test_a_question_pasted_with_another_hyphen_is_answered_as_typed",
            "tests/test_matcher.py::test_spellings_normalise_to_one_token",
        ),
    ),
    Mutant(
        "'@Rollover Bot' followed only by a zero-width space or the blank Hangul filler"
        " gets a public 'No close match in this FAQ' card instead of 'Ask me after the "
        "mention', and /ask with such a blank question a public card, the blank kept in"
        " the moderators' gaps",
        "bot/replies.py",
        '    return "\\n".join(line for line in lines if not shows_nothing(line))\n',
        '    return "\\n".join(line for line in lines if line)\n',
        (
            "tests/test_bot_e2e.py::test_an_ask_that_shows_nothing_is_asked_for_words_and_not_kept",
            "tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_once",
        ),
    ),
    Mutant(
        "A question whose earnings are '$1，200', typed with a Chinese or Japanese keybo"
        "ard's full-width comma, gets a worked example of $1 of earnings under the answ"
        "er",
        "calculators/amount_doubts.py",
        '    "\\uff0c\\uff0e\\ufe50\\ufe52\\u3001\\u3002\\uff61\\uff64\\u060c\\u066b\\u'
        '00b7\\u201a"\n',
        "",
        (
            "tests/test_calc_audit.py::test_a_figure_shown_whole_is_not_worked_through_in_part",
            "tests/test_calc_audit.py::test_amounts_stated_in_a_question",
        ),
    ),
    Mutant(
        "'rollover-bot ask' with a question of only a zero-width space or the blank Han"
        "gul filler answers 'no FAQ entry looks close' with exit 0 (the console likewis"
        "e) instead of saying the question is empty",
        "bot/cli/ask.py",
        "    if shows_nothing(text):  # (Discord takes it as empty too: see bot.unseen)\n",
        "    if False:\n",
        (
            "tests/test_cli_ask.py::test_bad_input_is_one_error_line_exit_2",
            "tests/test_console.py::test_bad_input_is_a_friendly_line",
        ),
    ),
    Mutant(
        "/split basis:１０００ (full-width digits, as a Chinese or Japanese keyboard types "
        "them) is refused as \"'１０００' is not an amount; use a dollar amount like 1000\""
        " without saying the digits are not 0-9",
        "calculators/parse.py",
        "    if any(ch.isdigit() and not ch.isascii() for ch in raw):\n",
        "    if False:\n",
        (
            "tests/test_hostile_inputs.py::test_digits_other_than_0_to_9_are_named_in_the_refusal",
            "tests/test_calc_audit.py::test_unclear_amounts_are_refused_with_a_reason",
        ),
    ),
    Mutant(
        "a broken file saved again, or another file edited beside it, posts the same 'F"
        "AQ reload refused' list to the moderator log at every reload",
        "bot/app.py",
        "repeated = refusal is not None and refusal == self.refusal_said",
        "repeated = False",
        (
            "tests/test_moderation_e2e.py::test_the_mod_log_says_a_broken_file_once_not_at_every_reload",
        ),
    ),
    Mutant(
        "a bot started from the last complete FAQ posts the same problems again as 'FAQ"
        " reload refused' at its first reload",
        "bot/app.py",
        "            self.refusal_said = mod_log.refusal_said(fallback.problems)\n",
        "",
        ("tests/test_last_good.py::test_the_bot_tells_moderators_once_and_answers",),
    ),
    Mutant(
        "with PostgreSQL down, every record a post could not write is an ERROR with the"
        " driver's traceback in the log",
        "bot/storage/base.py",
        "    if isinstance(exc, DatabaseUnavailable):\n"
        '        logger.warning(what + " (%s)", *args, exc)',
        '    if False:\n        logger.warning(what + " (%s)", *args, exc)',
        (
            "tests/test_processes_e2e.py::test_a_database_down_under_a_post_is_a_line_per_record_lost_not_a_traceback",
        ),
    ),
    Mutant(
        "the daily purge is said twice in the log, in two wordings",
        "bot/cogs/housekeeping.py",
        "            await self.bot.store.purge(days)\n",
        "            deleted = await self.bot.store.purge(days)\n"
        '            log.info("deleted %d stored questions older than %d days", deleted'
        ", days)\n",
        ("tests/test_storage.py::test_the_daily_purge_is_one_line_in_the_log",),
    ),
    Mutant(
        "the daily digest says nothing of answers members marked not helpful (they are "
        "told moderators review them)",
        "bot/cogs/housekeeping.py",
        "        down = await self.bot.store.not_helpful_since(since)\n",
        "        down: dict[str, int] = {}\n",
        (
            "tests/test_moderation_e2e.py::test_the_digest_tells_moderators_of_answers_marked_not_helpful",
        ),
    ),
    Mutant(
        "on SQLite the digest counts helpful votes as not helpful",
        "bot/storage/sqlite.py",
        '"SELECT entry_id, COUNT(*) FROM votes WHERE helpful = 0 AND voted_at >= ?"',
        '"SELECT entry_id, COUNT(*) FROM votes WHERE helpful IN (0, 1) AND voted_at >= ?"',
        (
            "tests/test_storage.py::test_not_helpful_votes_since_a_time_per_entry",
            "tests/test_moderation_e2e.py::test_the_digest_tells_moderators_of_answers_marked_not_helpful",
        ),
    ),
    Mutant(
        "on PostgreSQL the digest counts not-helpful votes of any day as the last day's",
        "bot/storage/postgres.py",
        '"SELECT entry_id, COUNT(*) FROM votes WHERE NOT helpful AND voted_at >= $1"',
        '"SELECT entry_id, COUNT(*) FROM votes WHERE NOT helpful AND $1::timestamptz IS NOT NULL"',
        ("tests/test_storage.py::test_not_helpful_votes_since_a_time_per_entry",),
    ),
    Mutant(
        "the digest's line of not-helpful votes names every entry, however many, instea"
        "d of the five most voted and a count of the rest",
        "bot/mod_log.py",
        "for t, n in not_helpful[:DIGEST_ENTRIES])",
        "for t, n in not_helpful)",
        (
            "tests/test_mod_log.py::test_digest_names_the_entries_marked_not_helpful_most_first_and_counts_the_rest",
        ),
    ),
    Mutant(
        "a deleted message pointed at an entry stays in the review queue (SQLite)",
        "bot/storage/sqlite.py",
        '            for table in ("questions", "taught", "pending_replies")\n',
        '            for table in ("questions", "pending_replies")\n',
        (
            "tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten[sqlite]",
            "tests/test_bot_e2e.py::test_a_deleted_question_leaves_the_review_queue_and_the_gaps",
        ),
    ),
    Mutant(
        "a reply owed to a deleted message keeps its question (PostgreSQL)",
        "bot/storage/postgres.py",
        '                for table in ("questions", "taught", "pending_replies"):\n',
        '                for table in ("questions", "taught"):\n',
        ("tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten[postgres]",),
    ),
    Mutant(
        "a deleted thread's mentions stay kept (in-memory store)",
        "bot/storage/memory.py",
        "            return message_id not in ids and (channel_id is None or channel !="
        " channel_id)\n",
        "            return message_id not in ids\n",
        ("tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten[memory]",),
    ),
    Mutant(
        "a question deleted while the bot answered it is kept all the same",
        "bot/answering.py",
        "        if (not answered or result.shaky) and not gone:\n",
        "        if not answered or result.shaky:\n",
        (
            "tests/test_bot_e2e.py::test_a_question_deleted_while_it_is_answered_is_not_kept_after_all",
        ),
    ),
    Mutant(
        "a 'Not what I asked' miss stays in the review queue after its question is deleted",
        "bot/views.py",
        "                    message_id=answered_message(interaction.message, channel),\n",
        "",
        ("tests/test_bot_e2e.py::test_a_deleted_question_leaves_the_review_queue_and_the_gaps",),
    ),
    Mutant(
        "a new database (members' questions word for word) is readable by every user of"
        " the machine",
        "bot/storage/sqlite.py",
        "            make_private(self.path)\n",
        "",
        (
            "tests/test_storage.py::test_a_new_database_is_not_for_other_users_of_the_machine_to_read",
        ),
    ),
    Mutant(
        "/faq-admin forget leaves the member's questions in the review queue (SQLite)",
        "bot/storage/sqlite.py",
        "            texts = (await db.execute(marked[0], (user_hash,))).rowcount\n",
        "            texts = 0\n",
        (
            "tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend[sqlite]",
            "tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",
        ),
    ),
    Mutant(
        "/faq-admin forget leaves the member's votes (PostgreSQL)",
        "bot/storage/postgres.py",
        "                votes = _count(await db.execute(FORGET_VOTES, user_hash))\n",
        "                votes = 0\n",
        (
            "tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend[postgres]",
        ),
    ),
    Mutant(
        "a forum post left to people is kept without who asked it, so forget misses it",
        "bot/cogs/answers.py",
        "                asker_id=starter.author.id,\n",
        "",
        ("tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",),
    ),
    Mutant(
        "a mention's question is kept without who asked it, so forget misses it",
        MENTIONS,
        "message_id=target.id, asker_id=target.author.id",
        "message_id=target.id",
        ("tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",),
    ),
    Mutant(
        "an /ask question is kept without who asked it, so forget misses it",
        "bot/cogs/ask.py",
        "asker_id=interaction.user.id)",
        ")",
        ("tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",),
    ),
    Mutant(
        "a message pointed at an entry is kept without its author, so forget misses it",
        "bot/cogs/point.py",
        "                author_hash=hash_user(target.author.id, bot.vote_key),\n",
        "",
        ("tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",),
    ),
    Mutant(
        "a forgotten member's name stays on the messages they pointed at entries",
        "bot/storage/base.py",
        "    \"UPDATE taught SET by_hash = '' WHERE by_hash = $1\",\n",
        "",
        (
            "tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend[sqlite]",
        ),
    ),
    Mutant(
        "forget leaves a member's pointed messages (in-memory store)",
        "bot/storage/memory.py",
        "            if t.author_hash != user_hash\n",
        "            if True\n",
        (
            "tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend[memory]",
        ),
    ),
    Mutant(
        "a 'Not what I asked' miss is kept without who asked, so forget misses it",
        "bot/views.py",
        "                    asker_hash=hash_user(self.asker_id, bot.vote_key),\n",
        "",
        ("tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",),
    ),
    Mutant(
        "a member's words (typo look-ups carried over a reload) are written into the ma"
        "tcher cache on disk",
        "knowledge/typos.py",
        '        return {**self.__dict__, "_best": {}}\n',
        "        return dict(self.__dict__)\n",
        ("tests/test_matcher_cache.py::test_a_members_words_never_reach_the_cache_on_disk",),
    ),
    Mutant(
        "a FAQ folder missing from ROLLOVER_FAQ_DIR is blamed on a --faq-dir nobody typed",
        "bot/cli/common.py",
        "    with _refused(folder, faq_dir_named(args, cfg)):\n        kb, fallback",
        '    with _refused(folder, "--faq-dir"):\n        kb, fallback',
        ("tests/test_cli_ask.py::test_a_missing_faq_folder_says_where_it_was_set",),
    ),
    Mutant(
        "an extra answer left out for room is counted served and not offered",
        "bot/answering.py",
        "        result = replace(result, also=tuple(sent))\n",
        "",
        (
            "tests/test_bot_e2e.py::test_an_answer_left_out_for_room_is_not_counted_served_and_stays_offered",
        ),
    ),
    Mutant(
        "an answer to a forum post edited to ask another question stands as its answer,"
        " saying nothing",
        "bot/edited_posts.py",
        '    return "" if top is not None and top.id == entry_id else EDITED_NOTE\n',
        '    return ""\n',
        ("tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",),
    ),
    Mutant(
        "a forum post renamed to ask another question keeps its answer, saying nothing",
        "bot/cogs/answers.py",
        "        if before.name == after.name or not self._is_watched_forum(after):\n",
        "        if True:\n",
        ("tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",),
    ),
    Mutant(
        "an answer keeps saying the post was edited after the post is put back as it was",
        "bot/edited_posts.py",
        "            if message.content != content:\n",
        "            if content and message.content != content:\n",
        ("tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",),
    ),
    Mutant(
        "an answer to a forum post says it was edited when a typo is fixed",
        "bot/edited_posts.py",
        "    top = result.best or (result.suggestions[0] if result.suggestions else None)\n",
        "    top = None\n",
        ("tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",),
    ),
    Mutant(
        "a forum post deleted whole keeps a helper's pointed message from it in review (SQLite)",
        "bot/storage/sqlite.py",
        '            kept.append((f"taught WHERE message_id IN ({in_thread})", (channel_id,)))\n',
        "",
        (
            "tests/test_bot_e2e.py::test_a_deleted_question_leaves_the_review_queue_and_the_gaps",
            "tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten",
        ),
    ),
    Mutant(
        "a forum post deleted whole keeps a helper's pointed message from it in review "
        "(PostgreSQL)",
        "bot/storage/postgres.py",
        "                    gone += _count(await db.execute(sql, channel_id))\n"
        "        return gone\n",
        "        return gone\n",
        ("tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten",),
    ),
    Mutant(
        "a forum post deleted whole keeps a helper's pointed message from it in review "
        "(memory store)",
        "bot/storage/memory.py",
        "            if t.message_id not in ids and t.message_id not in in_thread\n",
        "            if t.message_id not in ids\n",
        ("tests/test_storage.py::test_the_words_of_deleted_messages_are_forgotten",),
    ),
    Mutant(
        "a helper's pointer posts a second copy of the answer already under the question",
        "bot/cogs/point.py",
        "                and answered_entry(later) == entry_id\n",
        "                and False\n",
        (
            "tests/test_bot_e2e.py::test_pointing_a_question_at_the_entry_already_answering_it_links_to_that_answer",
        ),
    ),
    Mutant(
        "pointing a forum post at the entry of the bot's own answer to it posts that answer again",
        "bot/cogs/point.py",
        '    under = {target.id, None} if target.id == getattr(channel, "id", None) els'
        "e {target.id}\n",
        "    under = {target.id}\n",
        (
            "tests/test_bot_e2e.py::test_pointing_a_question_at_the_entry_already_answering_it_links_to_that_answer",
        ),
    ),
    Mutant(
        "a post's author pointing it at the entry already answering it leaves it tagged"
        " needs-human",
        "bot/cogs/point.py",
        "                await tag_if_post(bot, interaction, channel, target)\n"
        "                return\n",
        "                return\n",
        (
            "tests/test_bot_e2e.py::test_pointing_a_question_at_the_entry_already_answering_it_links_to_that_answer",
        ),
    ),
    Mutant(
        'wordless questions ("???") are gaps again, pushing real ones off the list',
        "bot/storage/reports.py",
        'q.review_kind == "unanswered" and normalise(q.text))',
        'q.review_kind == "unanswered")',
        (
            "tests/test_storage.py::test_wordless_questions_are_no_gaps_and_one_item_in_the_review_queue",
        ),
    ),
    Mutant(
        'each wordless question ("???", "...") is an item of its own in the review queue again',
        "bot/storage/reports.py",
        "        if not key:\n            # No word at all",
        "        if False:\n            # No word at all",
        (
            "tests/test_storage.py::test_wordless_questions_are_no_gaps_and_one_item_in_the_review_queue",
        ),
    ),
    Mutant(
        "a control character in an FAQ text (a NUL escape, one raw in the full answer) "
        "passes validation and an edit form saves it",
        "knowledge/loader.py",
        "    problems += _unseen_problems(shown, meta, parsed)\n",
        "",
        (
            "tests/test_faq_validation.py::test_a_control_character_as_an_escape_or_in_the_full_answer_is_told_at_its_line",
            "tests/test_moderation_e2e.py::test_a_form_holding_a_control_character_is_refused_saying_where",
        ),
    ),
    Mutant(
        "a right-to-left override in an entry's title is saved and shown reversed in answers",
        "knowledge/loader.py",
        "\\x7f-\\x9f\\u202a-\\u202e\\u2066",
        "\\x7f-\\x9f\\u2066",
        (
            "tests/test_moderation_e2e.py::test_a_form_holding_a_control_character_is_refused_saying_where",
        ),
    ),
    Mutant(
        "a carriage return typed in an edit form's full answer stays raw in the file",
        "knowledge/editing.py",
        "    body = frontmatter.plain_line_ends(body)",
        "    body = body",
        (
            "tests/test_moderation_e2e.py::test_a_bare_carriage_return_in_a_form_is_saved_as_a_line_break",
        ),
    ),
    Mutant(
        "a carriage return typed in an edit form's short answer is saved as a \\r escape",
        "knowledge/frontmatter.py",
        '"\\x85": "\\n", "\\r": "\\n"}',
        '"\\x85": "\\n"}',
        (
            "tests/test_moderation_e2e.py::test_a_bare_carriage_return_in_a_form_is_saved_as_a_line_break",
        ),
    ),
    Mutant(
        "a question with a Cyrillic o in 'Roth' (look-alike letters) is read as other w"
        "ords and goes unanswered or gets another entry",
        "knowledge/normalize.py",
        '        text = latin_look_alikes(unicodedata.normalize("NFKC", text).translat'
        "e(_CLEAN_TABLE))",
        '        text = unicodedata.normalize("NFKC", text).translate(_CLEAN_TABLE)',
        (
            "tests/test_matcher.py::test_a_question_with_look_alike_letters_of_other_alphabets_is_answered_as_typed",
        ),
    ),
    Mutant(
        "Russian or Greek words are rewritten letter by letter into Latin look-alikes",
        "knowledge/normalize.py",
        "        mixed = _LOOK_ALIKE.search(letters) and _LATIN_LETTER.search(letters)",
        "        mixed = _LOOK_ALIKE.search(letters)",
        (
            "tests/test_matcher.py::test_a_question_with_look_alike_letters_of_other_alphabets_is_answered_as_typed",
        ),
    ),
    Mutant(
        "'/split 1000 5 trad' (or earnings_to:tIRA) is refused in the console and 'calc"
        " split --earnings-to trad' is an invalid choice",
        "calculators/split.py",
        '    return DESTINATIONS.get(re.sub(r"[\\s_.-]+", "", typed), typed)',
        "    return typed",
        (
            "tests/test_console.py::test_the_earnings_destination_is_taken_as_people_abbreviate_it",
            "tests/test_calc_cli.py::test_the_earnings_destination_is_taken_as_people_abbreviate_it",
        ),
    ),
    Mutant(
        "'calc split --earnings-to trad' on the command line is an invalid choice again",
        "bot/cli/calc.py",
        "        type=destination,",
        "        type=str.lower,",
        ("tests/test_calc_cli.py::test_the_earnings_destination_is_taken_as_people_abbreviate_it",),
    ),
    Mutant(
        "'/split 1000 5 trad' asked of the bot is matched as a question and kept as one"
        " the FAQ missed",
        "calculators/catalog.py",
        '|(?:roth|trad(?:itional)?)(?:[_-]?ira)?|"\n    r"[rt]ira|',
        '|roth|traditional|"\n    r"',
        (
            "tests/test_cli_ask.py::test_a_split_with_an_abbreviated_destination_asked_is_pointed_at_the_calculator",
        ),
    ),
    Mutant(
        "'／split 1000 5' typed in the console on a full-width keyboard is answered as a question",
        "bot/console.py",
        "        text = as_command(line.strip())",
        "        text = line.strip()",
        ("tests/test_console.py::test_a_calculator_typed_on_a_full_width_keyboard_runs",),
    ),
    Mutant(
        "'／split 1000 5' asked of the bot is matched as a question and kept as one the FAQ missed",
        "calculators/catalog.py",
        '    name, *values = (from_command_line(text) or as_command(text)).split() or [""]',
        '    name, *values = (from_command_line(text) or text).split() or [""]',
        (
            "tests/test_cli_ask.py::test_a_calculator_typed_with_a_full_width_slash_is_pointed_at_the_calculator",
        ),
    ),
    Mutant(
        "'/split\u30001000\u30005' with ideographic spaces reads '1000\u30005' as one value",
        "calculators/catalog.py",
        '" " if c.isspace() and not c.isascii() else c',
        "c",
        ("tests/test_console.py::test_a_calculator_typed_on_a_full_width_keyboard_runs",),
    ),
    Mutant(
        "/faq-admin edit refuses an id typed with full-width letters or a zero-width sp"
        "ace pasted along ('not a valid entry id')",
        "knowledge/base.py",
        "for c in clean(typed))",
        "for c in typed.lower())",
        (
            "tests/test_moderation_e2e.py::test_an_entrys_id_typed_with_odd_characters_opens_its_edit_form",
        ),
    ),
    Mutant(
        "/faq-admin edit refuses an id typed with em dashes for its dashes",
        "knowledge/base.py",
        '" " if unicodedata.category(c) == "Pd" else c',
        "c",
        (
            "tests/test_moderation_e2e.py::test_an_entrys_id_typed_with_odd_characters_opens_its_edit_form",
        ),
    ),
    Mutant(
        "/faq-admin edit opens an entry's form for an id typed with a NUL after it",
        "knowledge/base.py",
        '        if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in ty'
        "ped):\n            return None",
        "        if False:\n            return None",
        ("tests/test_hostile_inputs.py::test_hostile_input",),
    ),
    Mutant(
        "'24％' (a full-width percent sign) is refused as 'not a rate; use ... 24%' with"
        "out saying what is wrong",
        "calculators/parse.py",
        '    if wide := next((ch for ch in raw if "\\uff01" <= ch <= "\\uff5e"), None):',
        "    if wide := None:",
        (
            "tests/test_hostile_inputs.py::test_full_width_signs_and_invisible_characters_are_named_in_the_refusal",
        ),
    ),
    Mutant(
        "an amount with a zero-width space pasted along is refused without naming the i"
        "nvisible character",
        "calculators/parse.py",
        'unicodedata.category(ch) in ("Cc", "Cf")), None):',
        "False), None):",
        (
            "tests/test_hostile_inputs.py::test_full_width_signs_and_invisible_characters_are_named_in_the_refusal",
        ),
    ),
    Mutant(
        "'/split 1000 5 traditional IRA' in the console reads 'IRA' as the tax rate",
        "calculators/typed.py",
        "    rest = with_ira_joined(_percent_joined(parts))",
        "    rest = _percent_joined(parts)",
        ("tests/test_console.py::test_the_earnings_destination_named_with_its_ira_is_one_value",),
    ),
    Mutant(
        "'/split 1000 5 traditional IRA' asked of the bot is matched as a question",
        "calculators/catalog.py",
        "        for word in with_ira_joined(_names_joined(words))\n",
        "        for word in _names_joined(words)\n",
        (
            "tests/test_cli_ask.py::test_a_split_with_an_abbreviated_destination_asked_is_pointed_at_the_calculator",
        ),
    ),
    Mutant(
        "a new entry's id with a U+2010 hyphen, a zero-width space or a capital is refu"
        "sed without saying which character",
        "knowledge/editing.py",
        "is not a valid entry id{odd_id_character(flat)}: use lowercase",
        "is not a valid entry id: use lowercase",
        (
            "tests/test_moderation_e2e.py::test_a_new_entrys_id_with_a_character_that_looks_right_says_which",
        ),
    ),
    Mutant(
        "an id typed in capitals is not found",
        "knowledge/base.py",
        "for c in clean(typed))",
        "for c in typed)",
        (
            "tests/test_faq_validation.py::test_faq_show_takes_an_id_typed_in_capitals",
            "tests/test_console.py::test_faq_lookup_and_unknown_id",
        ),
    ),
    Mutant(
        "calc: 'Traditional' refused in the console",
        "calculators/split.py",
        "        return destination(value) if isinstance(value, str) else value\n",
        "        return value\n",
        ("tests/test_console.py::test_the_earnings_destination_is_taken_in_any_case",),
    ),
    Mutant(
        "calc: --earnings-to Traditional refused",
        "bot/cli/calc.py",
        '        type=destination,  # ("trad", "traditional_ira": the choice; others re'
        "fused by name)\n",
        "",
        ("tests/test_calc_cli.py::test_the_earnings_destination_is_taken_in_any_case",),
    ),
    Mutant(
        "a line separator is written into a YAML file as it is",
        "knowledge/frontmatter.py",
        '        return data.replace("\\r\\n", "\\n").translate(_SEPARATORS)\n',
        "        return data\n",
        (
            "tests/test_faq_editing.py::test_a_question_pasted_with_a_line_separator_is_written_readable",
        ),
    ),
    Mutant(
        "an id typed with spaces is not found",
        "knowledge/base.py",
        '        entry_id = "-".join(plain.replace("_", " ").split())',
        "        entry_id = plain.strip()",
        ("tests/test_bot_e2e.py::test_faq_autocomplete_and_lookup",),
    ),
    Mutant(
        "'/split 1e9 5' (or '/split ∞ 5', '/split NaN 5') in /ask, a mention, 'rollover"
        "-bot ask' or the console is matched as a question ('not sure enough') and kept"
        " for moderators, instead of being pointed at the calculator",
        "calculators/catalog.py",
        '    r"\\S*\\d\\S*|%|[-\\u2212+]?(?:nan|inf|infinity|\\u221e)|(?:roth|trad(?:it'
        'ional)?)(?:[_-]?ira)?|"',
        '    r"[-\\u2212+]?\\$?[-\\u2212]?\\.?\\d[\\d,.]*[km%]?|(?:roth|trad(?:itional)'
        '?)(?:[_-]?ira)?|"',
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_with_a_value_it_refuses_points_to_the_calculator",
            "tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",
            "tests/test_console.py::test_a_calculator_typed_without_its_slash_is_pointed_at_it",
        ),
    ),
    Mutant(
        "'/split basis: 1000 earnings: 5' in /ask or a mention (a space after the colon) is "
        "matched as a question, not pointed at the calculator",
        "calculators/catalog.py",
        "        for word in with_ira_joined(_names_joined(words))\n",
        "        for word in with_ira_joined(words)\n",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
            "tests/test_console.py::test_a_calculator_typed_without_its_slash_is_pointed_at_it",
        ),
    ),
    Mutant(
        "the daily digest says '1 items' again",
        "bot/mod_log.py",
        '    items = "item" if total == 1 and not more else "items"\n',
        '    items = "items"\n',
        ("tests/test_mod_log.py::test_digest_counts_by_kind_and_stays_quiet_when_empty",),
    ),
    Mutant(
        "/faq-admin gaps days:1 is titled 'last 1 days' again, and faq gaps --days 1 says so",
        "bot/storage/reports.py",
        '    return "last day" if days == 1 else f"last {days} days"',
        '    return f"last {days} days"',
        (
            "tests/test_moderation_e2e.py::test_gaps_of_one_day_and_one_group_are_said_in_the_singular",
        ),
    ),
    Mutant(
        "faq gaps/review --limit 1 says 'More groups wait than these 1' again",
        "bot/cli/faq.py",
        '    these = "this one" if shown == 1 else f"these {shown}"',
        '    these = f"these {shown}"',
        (
            "tests/test_moderation_e2e.py::test_gaps_of_one_day_and_one_group_are_said_in_the_singular",
        ),
    ),
    Mutant(
        "a vote pressed while the database is down gets 'Thanks' then an apology again,"
        " and an ERROR with a traceback",
        "bot/views.py",
        '        except Exception as exc:\n            log_store_failure(log, exc, "cou'
        'ld not record a vote on %s", self.entry_id)\n'
        "            return False\n",
        "        except Exception:\n            raise\n",
        (
            "tests/test_processes_e2e.py::test_a_vote_while_the_database_is_down_is_one_reply_and_one_warning",
        ),
    ),
    Mutant(
        "a vote that could not be stored still says 'Thanks' to the member",
        "bot/views.py",
        "            if not recorded:\n",
        "            if not recorded and False:\n",
        (
            "tests/test_processes_e2e.py::test_a_vote_while_the_database_is_down_is_one_reply_and_one_warning",
        ),
    ),
    Mutant(
        "on PostgreSQL a review decision recorded while the server is down fails with t"
        "he driver's own error again",
        "bot/storage/postgres.py",
        "        with self._reaching():  # (a server gone mid-decision: said as the others are)\n",
        "        if True:  # (a server gone mid-decision: said as the others are)\n",
        (
            "tests/test_storage.py::test_a_postgres_server_gone_under_a_decision_or_a_purge_is_said_as_unreachable",
        ),
    ),
    Mutant(
        "on PostgreSQL the retention purge in an outage fails with the driver's own error again",
        "bot/storage/postgres.py",
        "        with self._reaching():  # (the daily chore in an outage: one warning, "
        "see Housekeeping)\n",
        "        if True:  # (the daily chore in an outage: one warning, see Housekeeping)\n",
        (
            "tests/test_storage.py::test_a_postgres_server_gone_under_a_decision_or_a_purge_is_said_as_unreachable",
        ),
    ),
    Mutant(
        "a moderator deciding while the database is down reads 'Something went wrong' a"
        "gain, with an ERROR logged",
        "bot/review.py",
        "    except DatabaseUnavailable as exc:\n        # (An outage",
        "    except ZeroDivisionError as exc:\n        # (An outage",
        (
            "tests/test_moderation_e2e.py::test_a_decision_while_the_database_is_down_says_so_in_one_line",
        ),
    ),
    Mutant(
        "the daily purge in a database outage logs an ERROR with a traceback again",
        "bot/cogs/housekeeping.py",
        '            log_store_failure(log, exc, "purging old questions failed; will re'
        'try tomorrow")',
        '            log.exception("purging old questions failed; will retry tomorrow")',
        (
            "tests/test_moderation_e2e.py::test_a_decision_while_the_database_is_down_says_so_in_one_line",
        ),
    ),
    Mutant(
        "a miss re-pointed in review counts twice against its entry again",
        "bot/storage/base.py",
        "        and not key.startswith(MISS_KEY)\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_a_miss_a_moderator_re_points_counts_once_against_the_entry",
            "tests/test_storage.py::test_a_re_pointed_miss_counts_once_in_the_rating",
        ),
    ),
    Mutant(
        "the command line reading an older bot's database counts a re-pointed miss twice again",
        "bot/storage/reports.py",
        "    f\" AND key NOT LIKE '{MISS_KEY}%' GROUP BY answered_with\"",
        '    " GROUP BY answered_with"',
        (
            "tests/test_storage.py::test_the_counts_of_misses_and_re_points_start_from_what_an_older_bot_kept",
        ),
    ),
    Mutant(
        "SQLite: a miss is no longer counted for good, so the stats' 'not what I asked'"
        " falls to 0 after the retention",
        "bot/storage/sqlite.py",
        "            await db.execute(_COUNT_MISS, (question.best_id,))\n",
        "",
        (
            "tests/test_storage.py::test_misses_and_re_pointed_answers_stay_counted_when_their_questions_go[sqlite]",
        ),
    ),
    Mutant(
        "PostgreSQL: a re-pointed answer is no longer counted for good, so re-pointed f"
        "alls to 0 after the retention",
        "bot/storage/postgres.py",
        "                if repointed and answered_with is not None:\n",
        "                if False:\n",
        (
            "tests/test_storage.py::test_misses_and_re_pointed_answers_stay_counted_when_their_questions_go[postgres]",
        ),
    ),
    Mutant(
        "the upgrade starts the miss counts at 0, forgetting the misses still kept",
        "bot/storage/schema.py",
        '            WHERE kind = \'miss\' AND best_id IS NOT NULL GROUP BY best_id""",',
        '            WHERE kind = \'never\' AND best_id IS NOT NULL GROUP BY best_id""",',
        (
            "tests/test_storage.py::test_the_counts_of_misses_and_re_points_start_from_what_an_older_bot_kept[sqlite]",
        ),
    ),
    Mutant(
        "/faq-admin gaps days:365 is titled 'last 365 days' again over the 90 days' questions kept",
        "bot/storage/reports.py",
        "    if days is None or days >= kept_days:\n",
        "    if days is None:\n",
        ("tests/test_moderation_e2e.py::test_gaps_say_which_days_their_counts_cover",),
    ),
    Mutant(
        "rollover-bot faq gaps says no window again without --days",
        "bot/cli/faq.py",
        '    window = f" in the {gaps_window(args.days, kept)}"',
        '    window = f" in the {gaps_window(args.days, kept)}" if args.days else ""',
        ("tests/test_moderation_e2e.py::test_gaps_say_which_days_their_counts_cover",),
    ),
    Mutant(
        "the digest counts the last 24 hours again, so one posted late never tells of t"
        "he votes after the digest before",
        "bot/cogs/housekeeping.py",
        "        since = last or now - dt.timedelta(days=1)\n",
        "        since = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)\n",
        (
            "tests/test_moderation_e2e.py::test_a_digest_posted_late_counts_the_votes_since_the_one_before",
        ),
    ),
    Mutant(
        "SQLite: the digest before is taken as the newest claim, even one after the dig"
        "est being built",
        "bot/storage/sqlite.py",
        '                "SELECT MAX(done_at) FROM chores WHERE name = ? AND done_at < '
        '?",\n                (name, stamp(before)),',
        '                "SELECT MAX(done_at) FROM chores WHERE name = ? OR done_at < ?'
        '",\n                (name, stamp(before)),',
        ("tests/test_storage.py::test_when_a_chore_was_last_done_before_a_time[sqlite]",),
    ),
    Mutant(
        "in-memory store: no digest is ever known to have come before",
        "bot/storage/memory.py",
        "        self.chores_claimed[(name, day)] = utc_now()\n",
        "",
        ("tests/test_storage.py::test_when_a_chore_was_last_done_before_a_time[memory]",),
    ),
    Mutant(
        "SQLite: a rejection kept already is said to be new",
        "bot/storage/sqlite.py",
        "            (question_id, entry_id, stamp(utc_now())),\n"
        "        )\n        return changed == 1\n",
        "            (question_id, entry_id, stamp(utc_now())),\n        )\n        return True\n",
        (
            "tests/test_storage.py::test_an_answer_rejected_under_a_question_is_kept_per_question_and_purged[sqlite]",
        ),
    ),
    Mutant(
        "a member deleting their question while the database is down logs an ERROR with"
        " a traceback again",
        DELETIONS,
        '            log_store_failure(log, exc, "could not forget the questions of del'
        'eted messages")',
        '            log.exception("could not forget the questions of deleted messages")',
        (
            "tests/test_processes_e2e.py::test_a_deletion_and_the_digest_while_the_database_is_down_are_warnings",
        ),
    ),
    Mutant(
        "the hourly digest pass logs an ERROR with a traceback again while the database is down",
        "bot/cogs/housekeeping.py",
        '            said = "reading the review queue for the digest failed; will try i'
        'n an hour"\n            log_store_failure(log, exc, said)',
        '            log.exception("reading the review queue for the digest failed; wil'
        'l try in an hour")',
        (
            "tests/test_processes_e2e.py::test_a_deletion_and_the_digest_while_the_database_is_down_are_warnings",
        ),
    ),
    Mutant(
        "/faq-admin stats in a database outage says 'something went wrong' again, with an ERROR",
        "bot/cogs/errors.py",
        "        if isinstance(original, DatabaseUnavailable):\n",
        "        if isinstance(original, ZeroDivisionError):\n",
        (
            "tests/test_moderation_e2e.py::test_moderators_reports_while_the_database_is_down_say_so_in_one_line",
        ),
    ),
    Mutant(
        "a stats page clicked in a database outage is left unanswered again, with an ERROR",
        "bot/cogs/faq_admin.py",
        "        except DatabaseUnavailable as exc:\n"
        "            # (As the command says it: the page shown stays",
        "        except ZeroDivisionError as exc:\n"
        "            # (As the command says it: the page shown stays",
        (
            "tests/test_moderation_e2e.py::test_a_stats_page_while_the_database_is_down_keeps_the_page_and_says_so",
        ),
    ),
    Mutant(
        "the console, 'ask' and 'faq show' print a source address with parentheses cut "
        "at its first ')'",
        "bot/terminal.py",
        '_LINK = re.compile(r"\\[([^\\]]+)\\]\\((https?://(?:[^()\\s]|\\([^()\\s]*\\))+)\\)")',
        '_LINK = re.compile(r"\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)")',
        ("tests/test_cli_ask.py::test_a_source_address_with_parentheses_is_printed_whole",),
    ),
    Mutant(
        "/schedule's chart has no alt text: a screen reader hears only 'schedule.png'",
        "bot/cogs/calculators.py",
        'io.BytesIO(png), filename="schedule.png", description=chart_description(chart)',
        'io.BytesIO(png), filename="schedule.png"',
        ("tests/test_bot_e2e.py::test_schedule_attaches_its_chart",),
    ),
    Mutant(
        "/schedule's alt text leaves out which bar is the member's own schedule",
        "calculators/chart.py",
        'mine = " (your plan)" if p.conversions == inp.conversions else ""',
        'mine = ""',
        ("tests/test_bot_e2e.py::test_schedule_attaches_its_chart",),
    ),
    Mutant(
        "/faq's list cuts a long title inside a word ('the 1099-…')",
        "bot/embeds.py",
        "    return neutralize(clipped(title, limit))",
        '    return neutralize(title if len(title) <= limit else title[: limit - 1] + "…")',
        ("tests/test_bot_e2e.py::test_long_titles_in_the_faq_list_are_cut_at_a_word_and_marked",),
    ),
    Mutant(
        "the asker's numbers under an answer have no Show working button: their steps a"
        "re a typed command away",
        "bot/answering.py",
        "        if working is not None and example_shown in embeds:\n"
        "            view.add_item(working)",
        "        if False:\n            view.add_item(working)",
        (
            "tests/test_bot_e2e.py::test_the_askers_numbers_under_an_answer_show_their_steps_in_one_click",
        ),
    ),
    Mutant(
        "the worked example does not say that Show working shows its steps",
        "bot/embeds.py",
        '        if working\n        else f"`{command}` shows every step and the 1099-R boxes."',
        '        if False\n        else f"`{command}` shows every step and the 1099-R boxes."',
        (
            "tests/test_bot_e2e.py::test_the_askers_numbers_under_an_answer_show_their_steps_in_one_click",
        ),
    ),
    Mutant(
        "a post's second answer has no Full answer button: its details only by typing /faq",
        "bot/answering.py",
        "view = answer_view(result.best.id, close, full=True, asker_id=asker_id, more=result.also)",
        "view = answer_view(result.best.id, close, full=True, asker_id=asker_id)",
        (
            "tests/test_bot_e2e.py::test_each_answer_to_a_post_asking_two_things_has_its_full_answer",
        ),
    ),
    Mutant(
        "the second answer's Full answer button does not say which answer it is for",
        "bot/views.py",
        'label = "Full answer" if title is None else f"Full answer: {clipped(title, 80 - 13)}"',
        'label = "Full answer"',
        (
            "tests/test_bot_e2e.py::test_each_answer_to_a_post_asking_two_things_has_its_full_answer",
        ),
    ),
    Mutant(
        "the menu under no answer asks 'Not quite it?' about an answer never given",
        "bot/views.py",
        "items.append(PickEntry.for_hits(others, answered=bool(entry_id)))",
        "items.append(PickEntry.for_hits(others))",
        (
            "tests/test_bot_e2e.py::test_the_menu_under_no_answer_does_not_ask_if_it_was_not_quite_it",
        ),
    ),
    Mutant(
        "a wait over a limit is said as '45 s', read aloud '45 ess'",
        "bot/limits.py",
        "    return f\"{whole} second{'s' if whole != 1 else ''}\"",
        '    return f"{whole} s"',
        (
            "tests/test_limits_e2e.py::test_a_wait_is_said_in_words_a_screen_reader_reads_as_such",
            "tests/test_limits_e2e.py::test_the_mention_limit_never_says_try_again_in_0_s",
        ),
    ),
    Mutant(
        "the review queue's pager buttons are arrows alone, read aloud as 'black left-p"
        "ointing triangle'",
        "bot/review.py",
        'PREVIOUS, NEXT = "◀ Previous", "Next ▶"',
        'PREVIOUS, NEXT = "◀", "▶"',
        (
            "tests/test_moderation_e2e.py::test_every_review_button_has_words_a_screen_reader_can_read",
        ),
    ),
    Mutant(
        "/faq-admin forget deletes a member's data at once, asking nothing",
        "bot/cogs/faq_admin.py",
        "        await confirm.ask(interaction, forget_question(member))\n",
        "        await interaction.response.send_message(await delete(), ephemeral=True)\n",
        ("tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked_answers",),
    ),
    Mutant(
        "another moderator's click on someone's forget confirmation deletes the member's data",
        "bot/confirm.py",
        "        if interaction.user.id != self.author_id:\n",
        "        if False:\n",
        ("tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked_answers",),
    ),
    Mutant(
        "a double click on Delete in the forget confirmation deletes twice and ends say"
        "ing 0 were deleted",
        "bot/confirm.py",
        "            if self.value is not None:\n",
        "            if False:\n",
        ("tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked_answers",),
    ),
    Mutant(
        "Cancel in the forget confirmation deletes the member's data",
        "bot/confirm.py",
        '            ("Cancel", discord.ButtonStyle.secondary, False),\n',
        '            ("Cancel", discord.ButtonStyle.secondary, True),\n',
        ("tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked_answers",),
    ),
    Mutant(
        "a forget confirmation left unanswered keeps its live buttons and says nothing",
        "bot/confirm.py",
        "        self._disable()\n        try:\n            await self._edit(content=self.gave_up",
        "        return\n        try:\n            await self._edit(content=self.gave_up",
        (
            "tests/test_bot_e2e.py::test_a_forget_left_unanswered_or_clicked_after_a_restart_deletes_nothing",
        ),
    ),
    Mutant(
        "a click on a forget confirmation that gave up gets Discord's 'This interaction failed'",
        "bot/confirm.py",
        "        self.bot.open_confirms.discard(self.token)\n",
        "        pass\n",
        (
            "tests/test_bot_e2e.py::test_a_forget_left_unanswered_or_clicked_after_a_restart_deletes_nothing",
        ),
    ),
    Mutant(
        "a click on a forget confirmation from before a restart gets Discord's 'This in"
        "teraction failed'",
        "bot/cogs/faq_admin.py",
        "        if unheard_confirm(self.bot, interaction):\n",
        "        if False:\n",
        (
            "tests/test_bot_e2e.py::test_a_forget_left_unanswered_or_clicked_after_a_restart_deletes_nothing",
        ),
    ),
    Mutant(
        "a Dismiss made in another process after a pick was recorded says 'Dismissed.' "
        "though the pick stands",
        "bot/review.py",
        '        return "Dismissed." if recorded else DECIDED_ALREADY\n',
        '        return "Dismissed."\n',
        (
            "tests/test_moderation_e2e.py::test_a_pick_and_a_dismiss_made_at_once_in_two_processes_agree_on_the_pick",
        ),
    ),
    Mutant(
        "a Dismiss recorded just before a pick's record is kept against the pick (PostgreSQL)",
        "bot/storage/postgres.py",
        '" ON CONFLICT ((md5(key))) DO " + REPLACE_DISMISSAL + " RETURNING key",',
        '" ON CONFLICT ((md5(key))) DO NOTHING RETURNING key",',
        (
            "tests/test_storage.py::test_a_pick_replaces_a_dismiss_recorded_just_before_it[postgres]",
        ),
    ),
    Mutant(
        "a new entry saved from a review item whose question was deleted meanwhile teac"
        "hes that question as its example, in the files for good",
        "bot/cogs/faq_admin.py",
        "                if self.review_item and not await still_kept(bot, self.review_item):\n",
        "                if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_question_deleted_while_a_review_shows_it_is_not_written_into_the_faq",
        ),
    ),
    Mutant(
        "a moderator who lost the role since /faq-admin forget asked still deletes the "
        "member's data through its Delete button",
        "bot/confirm.py",
        "            if not is_moderator(self.bot, interaction.user):\n",
        "            if False:\n",
        ("tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked_answers",),
    ),
    Mutant(
        "the matcher cache deletes other programs' '*.tmp' files an hour old in the fol"
        "der ROLLOVER_CACHE_DIR names",
        "knowledge/cache.py",
        '    leftovers = [p for prefix in TEMP_PREFIXES for p in where.glob(f"{prefix}*.tmp")]\n',
        '    leftovers = list(where.glob("*.tmp"))\n',
        ("tests/test_matcher_cache.py::test_pruning_deletes_only_the_caches_own_files",),
    ),
    Mutant(
        "a new entry from a review item records its question only after reloading, so a"
        " Dismiss in another process meanwhile is told 'Dismissed.'",
        "bot/cogs/faq_admin.py",
        "                taught = True\n                try:\n",
        '                taught = True\n                await bot.reload_faq(f"new entr'
        'y {entry_id} taught its question (first)")\n'
        "                try:\n",
        (
            "tests/test_moderation_e2e.py::test_a_new_entry_and_a_dismiss_made_at_once_in_two_processes_agree_on_the_entry",
        ),
    ),
    Mutant(
        "the second click of a double click on a review decision gets Discord's 'This i"
        "nteraction failed'",
        "bot/cogs/faq_admin.py",
        "        if stale(self.bot, interaction):\n",
        "        if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_double_click_on_a_decision_decides_once_and_does_not_fail",
        ),
    ),
    Mutant(
        "memory: a later decision replaces the first",
        "bot/storage/memory.py",
        "            if had is not None and not replaces(had[0], action):\n",
        "            if False:\n",
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands",),
    ),
    Mutant(
        "sqlite: a later decision replaces the first",
        "bot/storage/sqlite.py",
        '                    " reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key)'
        ' DO "\n                    + REPLACE_DISMISSAL,\n',
        '                    " reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key)'
        ' DO UPDATE SET"\n                    " action = excluded.action, by_hash = exc'
        'luded.by_hash",\n',
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands",),
    ),
    Mutant(
        "a review pick whose example is written but whose decision the database refuses"
        " tells the moderator only 'something went wrong, try again later'",
        "bot/review.py",
        "        if not written:\n            if isinstance(exc, DatabaseUnavailable):\n",
        "        if True:\n            if isinstance(exc, DatabaseUnavailable):\n",
        (
            "tests/test_moderation_e2e.py::test_a_decision_written_but_not_recorded_says_what_was_written",
        ),
    ),
    Mutant(
        "SQLite: a decision recorded again on a question decided before counts its re-point twice",
        "bot/storage/sqlite.py",
        "                if cursor.rowcount == 1:\n"
        "                    recorded += 1\n                    repointed += counts_as_"
        "repointed(key, action, entry_id, answered_with)\n",
        "                recorded += cursor.rowcount == 1\n"
        "                repointed += counts_as_repointed(key, action, entry_id, answer"
        "ed_with)\n",
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands[sqlite]",),
    ),
    Mutant(
        "PostgreSQL: a decision recorded again on a question decided before counts its "
        "re-point twice",
        "bot/storage/postgres.py",
        '" ON CONFLICT ((md5(key))) DO " + REPLACE_DISMISSAL + " RETURNING key",',
        '" ON CONFLICT ((md5(key))) DO UPDATE SET key = excluded.key RETURNING key",',
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands[postgres]",),
    ),
    Mutant(
        "in-memory store: a decision recorded again counts its re-point twice",
        "bot/storage/memory.py",
        "            if had is not None and not replaces(had[0], action):\n"
        "                continue  # (decided before: that decision stands, and its cou"
        "nt)\n            self.reviewed[key] = (action, entry_id, now, answered_with)\n"
        "            recorded += 1\n            if answered_with and counts_as_repointe"
        "d",
        "            if answered_with and counts_as_repointed(key, action, entry_id, an"
        "swered_with):\n                self.repointed[answered_with] += 1\n"
        "            if had is not None and not replaces(had[0], action):\n"
        "                continue  # (decided before: that decision stands, and its cou"
        "nt)\n            self.reviewed[key] = (action, entry_id, now, answered_with)\n"
        "            recorded += 1\n            if False and counts_as_repointed",
        ("tests/test_storage.py::test_the_first_decision_on_a_question_stands[memory]",),
    ),
    Mutant(
        "a Dismiss recorded in another process just before a pick's record is kept agai"
        "nst the pick's example in the files (SQLite)",
        "bot/storage/sqlite.py",
        '                    " reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key)'
        ' DO "\n                    + REPLACE_DISMISSAL,\n',
        '                    " reviewed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key)'
        ' DO NOTHING",\n',
        (
            "tests/test_moderation_e2e.py::test_a_pick_and_a_dismiss_made_at_once_in_two_processes_agree_on_the_pick",
            "tests/test_storage.py::test_a_pick_replaces_a_dismiss_recorded_just_before_it[sqlite]",
        ),
    ),
    Mutant(
        "a Dismiss recorded just before a pick's record is kept against the pick (in-memory store)",
        "bot/storage/memory.py",
        "            if had is not None and not replaces(had[0], action):\n",
        "            if had is not None:\n",
        ("tests/test_storage.py::test_a_pick_replaces_a_dismiss_recorded_just_before_it[memory]",),
    ),
    Mutant(
        "the same 'Not helpful' vote pressed again is news for the next digest (memory)",
        "bot/storage/memory.py",
        "        if self.votes.get(key) != helpful:",
        "        if True:",
        (
            "tests/test_storage.py::test_the_same_vote_pressed_again_is_not_news_for_the_next_digest[memory]",
        ),
    ),
    Mutant(
        "PostgreSQL lost inside a transaction is an ERROR with a traceback, not a warni"
        "ng that it cannot be reached",
        "bot/storage/postgres.py",
        "    if isinstance(exc, asyncpg.InterfaceError) and context is not None:\n"
        "        return out_of_reach(context)\n",
        "",
        (
            "tests/test_storage.py::test_a_connection_lost_inside_a_transaction_is_an_outage_not_a_crash",
        ),
    ),
    Mutant(
        "/faq-admin forget leaves the replies the bot still owes the member, with their"
        " question (SQLite)",
        "bot/storage/sqlite.py",
        "            texts += (await db.execute(marked[3], (user_hash,))).rowcount\n",
        "",
        ("tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend",),
    ),
    Mutant(
        "/faq-admin forget leaves the replies the bot still owes the member, with their"
        " question (PostgreSQL)",
        "bot/storage/postgres.py",
        "                texts += _count(await db.execute(FORGET_OWED, user_hash))\n",
        "",
        ("tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend",),
    ),
    Mutant(
        "/faq-admin forget leaves the replies the bot still owes the member, with their"
        " question (in memory)",
        "bot/storage/memory.py",
        "        self.owed = {k: p for k, p in self.owed.items() if p.asker_hash != user_hash}\n",
        "",
        (
            "tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend",
            "tests/test_faults_e2e.py::test_a_member_forgotten_takes_the_replies_owed_to_them_and_those_given_up",
        ),
    ),
    Mutant(
        "a forum post's owed reply keeps no asker: /faq-admin forget leaves the member'"
        "s post question in the retry queue",
        "bot/cogs/answers.py",
        "            asker_hash=asker_hash(self.bot, starter.author.id),\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_member_forgotten_takes_the_replies_owed_to_them_and_those_given_up",
        ),
    ),
    Mutant(
        "a mention's owed reply keeps no asker: /faq-admin forget leaves the member's m"
        "ention in the retry queue",
        MENTIONS,
        "            asker_hash=asker_hash(self.bot, message.author.id),\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_member_forgotten_takes_the_replies_owed_to_them_and_those_given_up",
        ),
    ),
    Mutant(
        "a reply given up files the member's question in the gaps with no asker, out of"
        " /faq-admin forget's reach",
        "bot/cogs/retries.py",
        "                hashed_asker=owed.asker_hash,",
        "                hashed_asker=None,",
        (
            "tests/test_faults_e2e.py::test_a_member_forgotten_takes_the_replies_owed_to_them_and_those_given_up",
        ),
    ),
    Mutant(
        "an owed reply read back from the database forgets its asker (SQLite and Postgr"
        "eSQL): forget cannot find it",
        "bot/storage/base.py",
        "        asker_hash=row[8],\n",
        "        asker_hash=None,\n",
        ("tests/test_storage.py::test_a_member_who_asks_to_be_forgotten_is_on_every_backend",),
    ),
    Mutant(
        "a post's answer whose response was lost, found by the retry, is not counted as"
        " served and stays when the post's opening message is deleted",
        "bot/cogs/answers.py",
        "            await self._heard_late(found, starter, thread.parent_id, reply)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_reply_whose_response_was_lost_is_served_and_goes_with_its_question",
        ),
    ),
    Mutant(
        "a mention's answer whose response was lost, found by the retry, is not counted"
        " as served and stays when the question is deleted",
        MENTIONS,
        "                await self._heard_late(found, target, message.channel.id, made)\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_reply_whose_response_was_lost_is_served_and_goes_with_its_question",
        ),
    ),
    Mutant(
        "a retry finding an answer already recorded (its settle failed) counts it serve"
        "d a second time",
        "bot/cogs/answers.py",
        "            if not await self.bot.store.record_reply(question.id, found.channe"
        "l.id, found.id):\n                return\n",
        "            await self.bot.store.record_reply(question.id, found.channel.id, found.id)\n",
        (
            "tests/test_faults_e2e.py::test_a_reply_recorded_but_still_owed_is_not_served_twice_by_its_retry",
        ),
    ),
    Mutant(
        'a notice whose response was lost ("You\'re welcome"), found by the retry, file'
        "s the mention's words in the gaps",
        "bot/cogs/answers.py",
        "        if not is_reply_card(found):\n            return\n",
        "",
        (
            "tests/test_faults_e2e.py::test_a_reply_whose_response_was_lost_is_served_and_goes_with_its_question",
        ),
    ),
    Mutant(
        "SQLite says a reply recorded twice is new each time (a retry would count it served again)",
        "bot/storage/sqlite.py",
        "            (reply_id, question_id, channel_id, stamp(utc_now())),\n"
        "        )\n        return changed == 1",
        "            (reply_id, question_id, channel_id, stamp(utc_now())),\n"
        "        )\n        return True",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged",),
    ),
    Mutant(
        "PostgreSQL says a reply recorded twice is new each time (a retry would count i"
        "t served again)",
        "bot/storage/postgres.py",
        '        return status == "INSERT 0 1"\n\n    async def replies_to',
        "        return True\n\n    async def replies_to",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged",),
    ),
    Mutant(
        "a mention edited into a post whose answer answered it as first written is not answered",
        "bot/cogs/answers.py",
        "        return still_answers(found, self.bot.user, thread, now)\n",
        "        return True\n",
        (
            "tests/test_bot_e2e.py::test_a_mention_edited_into_a_post_answered_as_first_written_is_answered",
        ),
    ),
    Mutant(
        "a post edited or renamed while the bot was down keeps its answer unmarked at start",
        CATCH_UP,
        "                    await recheck_answers(self.bot, thread, read, messages)\n",
        "                    pass\n",
        (
            "tests/test_bot_e2e.py::test_a_post_edited_or_renamed_while_the_bot_was_down_is_rechecked_at_start",
        ),
    ),
    Mutant(
        "the catch-up reads each answered post a second time to recheck it",
        "bot/edited_posts.py",
        "        if messages is None:\n",
        "        if True:\n",
        (
            "tests/test_bot_e2e.py::test_a_post_edited_or_renamed_while_the_bot_was_down_is_rechecked_at_start",
        ),
    ),
    Mutant(
        "a post's question deleted while the bot was down keeps the bot's answer after the restart",
        CATCH_UP,
        "                    await self._question_gone(thread.id, guild.id)\n",
        "                    pass\n",
        (
            "tests/test_bot_e2e.py::test_a_posts_question_deleted_while_the_bot_was_down_takes_its_answer_at_start",
        ),
    ),
    Mutant(
        "a post whose answer a moderator deleted while the bot was down stays tagged answered",
        CATCH_UP,
        "        await answer_deleted(self.bot, thread)\n        return True\n",
        "        return True\n",
        (
            "tests/test_bot_e2e.py::test_a_posts_answer_deleted_while_the_bot_was_down_hands_it_to_people_at_start",
        ),
    ),
    Mutant(
        "a post tagged answered by hand, never answered by the bot, is handed to people at start",
        CATCH_UP,
        "        if not recorded:\n            return False  # (tagged by hand, say: a "
        "helper answered it)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_posts_answer_deleted_while_the_bot_was_down_hands_it_to_people_at_start",
        ),
    ),
    Mutant(
        "the catch-up's look at a post's recorded replies takes them, so a later deleti"
        "on of the question leaves its answer",
        "bot/storage/sqlite.py",
        "        async with self._read() as db:\n"
        "            rows = await db.execute_fetchall(_REPLIES_TO, (question_id,))\n",
        "        async with self._write() as db:\n"
        "            rows = await db.execute_fetchall(_REPLIES_TO, (question_id,))\n"
        '            await db.execute("DELETE FROM bot_replies WHERE question_id = ?", '
        "(question_id,))\n",
        ("tests/test_storage.py::test_the_replies_to_a_message_are_taken_once_and_purged",),
    ),
    Mutant(
        "a post deleted whole while the bot was down keeps its words in the gaps after the restart",
        CATCH_UP,
        "        await self._forget_deleted_posts(guild, threads, cutoff)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_post_deleted_whole_while_the_bot_was_down_takes_its_kept_words_at_start",
        ),
    ),
    Mutant(
        "the catch-up looks up every kept post of the hour, active ones too (a request each)",
        CATCH_UP,
        "        for thread_id in sorted(kept - {thread.id for thread in threads}):\n",
        "        for thread_id in sorted(kept):\n",
        (
            "tests/test_bot_e2e.py::test_a_post_deleted_whole_while_the_bot_was_down_takes_its_kept_words_at_start",
        ),
    ),
    Mutant(
        "the kept posts a catch-up looks up include older ones than its hour",
        "bot/storage/sqlite.py",
        '            "SELECT DISTINCT message_id FROM questions WHERE asked_at >= ?"\n',
        '            "SELECT DISTINCT message_id FROM questions WHERE asked_at >= ? OR 1"\n',
        (
            "tests/test_storage.py::test_the_messages_whose_words_were_kept_lately_are_told_by_channel",
        ),
    ),
    Mutant(
        "a Dismiss clicked just before Next dismisses the next item, which the moderator never saw",
        "bot/review.py",
        "bound = handler if label in PAGER_IDS else partial(handler, shown)",
        "bound = handler if label in PAGER_IDS else (lambda i, h=handler: h(self.item, i))",
        (
            "tests/test_moderation_e2e.py::test_a_decision_clicked_as_the_review_moves_on_decides_the_item_it_was_shown_with",
        ),
    ),
    Mutant(
        "a review item pushed out of the 3,000 grouped questions since it was shown is "
        "said deleted when decided, and nothing is written",
        "bot/review.py",
        '    return await bot.store.still_stored(item.example, miss=item.kind == "miss")\n',
        '    key = __import__("bot.storage.reports", fromlist=["normalise"]).normalise('
        "item.example)\n    return any(key in kept.keys for kept in await bot.store.rev"
        "iew_queue())\n",
        (
            "tests/test_moderation_e2e.py::test_an_item_left_out_of_the_grouped_questions_since_it_was_shown_can_be_decided",
        ),
    ),
    Mutant(
        "on SQLite, a decision on a question finds it kept though only its 'Not what I "
        "asked' (another item) is",
        "bot/storage/sqlite.py",
        "which = f\"{kind} = 'miss'\" if miss else f\"{kind} != 'miss'\"",
        'which = "1"',
        (
            "tests/test_storage.py::test_a_review_decision_finds_its_question_still_stored_until_it_is_deleted[sqlite]",
        ),
    ),
    Mutant(
        "on PostgreSQL, a decision on a question finds it kept though only its 'Not wha"
        "t I asked' (another item) is",
        "bot/storage/postgres.py",
        "which = \"kind = 'miss'\" if miss else \"kind != 'miss'\"",
        'which = "TRUE"',
        (
            "tests/test_storage.py::test_a_review_decision_finds_its_question_still_stored_until_it_is_deleted[postgres]",
        ),
    ),
    Mutant(
        "on SQLite, a message a member pointed at an entry is said deleted when a moder"
        "ator decides it in review",
        "bot/storage/sqlite.py",
        "            if miss or self._version < 3:\n"
        '                return False\n            sql = "SELECT 1 FROM taught',
        "            if True:\n                return False\n"
        '            sql = "SELECT 1 FROM taught',
        (
            "tests/test_storage.py::test_a_review_decision_finds_its_question_still_stored_until_it_is_deleted[sqlite]",
        ),
    ),
    Mutant(
        "in memory, a message a member pointed at an entry is said deleted when a moder"
        "ator decides it in review",
        "bot/storage/memory.py",
        "return not miss and any(t.text == text for t in self.taught_examples.values())",
        "return False",
        (
            "tests/test_storage.py::test_a_review_decision_finds_its_question_still_stored_until_it_is_deleted[memory]",
        ),
    ),
    Mutant(
        "with exactly 3,000 questions of the worst kinds and more of others, the review"
        ", the digest and faq review count only the 3,000 as all there is",
        "bot/storage/reports.py",
        "        while fresh <= REVIEW_WINDOW:",
        "        while fresh < REVIEW_WINDOW:",
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "with more than 3,000 questions waiting, the review, the digest and faq review "
        "count the items of the first 3,000 as all there is",
        "bot/storage/reports.py",
        "            more = True\n            break\n",
        "            break\n",
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "with more than 3,000 questions waiting, the review counts '1 of 3' as if that "
        "were the whole queue",
        "bot/review.py",
        "more=len(shown) > QUEUE_LIMIT or items.more)",
        "more=len(shown) > QUEUE_LIMIT)",
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "with more than 3,000 questions waiting, the digest gives the size of the first"
        " 3,000's items as the queue's",
        "bot/cogs/housekeeping.py",
        "more=queue.more)",
        "more=False)",
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "with more than 3,000 questions waiting, the digest's count has no '+'",
        "bot/mod_log.py",
        '    size = f"{total}+" if more else f"{total}"\n',
        '    size = f"{total}"\n',
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "with more than 3,000 questions waiting, faq review's table says nothing of them",
        "bot/cli/faq.py",
        "    if queue.more:\n        print(window_line())\n",
        "    if False:\n        print(window_line())\n",
        (
            "tests/test_moderation_e2e.py::test_the_review_and_the_digest_say_more_wait_than_the_questions_grouped",
        ),
    ),
    Mutant(
        "after a decision clicked just before Next, the page skips the item Next moved to",
        "bot/review.py",
        "        self.index = next(still, min(self.index, max(len(self.items) - 1, 0)))\n",
        "        self.index = min(self.index, max(len(self.items) - 1, 0))\n",
        (
            "tests/test_moderation_e2e.py::test_a_decision_clicked_as_the_review_moves_on_decides_the_item_it_was_shown_with",
        ),
    ),
    Mutant(
        "a calculator's public reply names no sources until Show working is clicked",
        "bot/embeds.py",
        '    figures = f"{_figures(result.summary(), where)}\\n{sources_line(result)}"\n',
        "    figures = _figures(result.summary(), where)\n",
        ("tests/test_bot_e2e.py::test_a_calculator_reply_names_its_sources_without_a_click",),
    ),
    Mutant(
        "a calculator's working writes the letter x for multiplication again",
        "calculators/split.py",
        'f"Estimated tax: {usd(taxable)} × {pct(inp.tax_rate)} = {usd(estimated_tax)} "',
        'f"Estimated tax: {usd(taxable)} x {pct(inp.tax_rate)} = {usd(estimated_tax)} "',
        (
            "tests/test_bot_e2e.py::test_calculator_replies_put_the_result_first_and_the_working_one_click_away",
            "tests/test_calc_cli.py::test_steps_multiply_with_the_times_sign_where_the_output_can_show_it",
        ),
    ),
    Mutant(
        "the CLI's JSON steps change: a multiplication sign where scripts read the letter x",
        "calculators/base.py",
        '"steps": [with_letter_x(step) for step in self.steps],',
        '"steps": list(self.steps),',
        (
            "tests/test_calc_cli.py::test_steps_multiply_with_the_times_sign_where_the_output_can_show_it",
        ),
    ),
    Mutant(
        "a terminal without the multiplication sign shows '?' in the middle of a sum",
        "bot/cli/__init__.py",
        'return "".join("x" if c == TIMES else "?" for c in lacking), exc.end',
        'return "?" * len(lacking), exc.end',
        (
            "tests/test_calc_cli.py::test_steps_multiply_with_the_times_sign_where_the_output_can_show_it",
        ),
    ),
    Mutant(
        "the calculators' text output says not-tax-advice in its own wording again",
        "calculators/report.py",
        'parts += ["", NOT_TAX_ADVICE]',
        'parts += ["", "General information, not tax advice: check your own figures and forms."]',
        (
            "tests/test_calc_cli.py::test_a_calculator_and_an_answer_say_not_tax_advice_in_the_same_words",
        ),
    ),
    Mutant(
        "a helper's Answer with FAQ posts no worked example of the message's own numbers",
        "bot/cogs/point.py",
        "            if worked := worked_through(knowledge.entries[entry_id], question):\n",
        "            if worked := None:\n",
        (
            "tests/test_bot_e2e.py::test_a_pointed_answer_works_the_askers_numbers_through_as_the_bots_own_would",
        ),
    ),
    Mutant(
        "a pointed answer's worked example has no Show working button",
        "bot/cogs/point.py",
        "                    if working is not None:\n"
        "                        view.add_item(working)\n",
        "",
        (
            "tests/test_bot_e2e.py::test_a_pointed_answer_works_the_askers_numbers_through_as_the_bots_own_would",
        ),
    ),
    Mutant(
        "a pointed forum post asking about a year in its title gets no year line",
        "bot/cogs/point.py",
        "            note = year_note([knowledge.entries[entry_id]], question)\n",
        "            note = year_note([knowledge.entries[entry_id]], target.content)\n",
        (
            "tests/test_bot_e2e.py::test_a_pointed_posts_title_counts_for_its_year_line_and_its_numbers",
        ),
    ),
    Mutant(
        "a loss typed in brackets is told only 'not an amount', not how to write a loss",
        "calculators/parse.py",
        "    if allow_negative and (bracketed := _bracketed_amount(raw)) is not None:\n",
        "    if False and (bracketed := _bracketed_amount(raw)) is not None:\n",
        ("tests/test_bot_e2e.py::test_bad_calculator_input_is_ephemeral_and_friendly",),
    ),
    Mutant(
        "a calculator's text output lists no sources with addresses",
        "calculators/report.py",
        '    parts += ["", "Sources:", *(f"{s.title} <{s.url}>" for s in result.sources)]\n',
        "",
        (
            "tests/test_calc_cli.py::test_the_text_output_lists_the_calculators_sources_with_their_addresses",
        ),
    ),
    Mutant(
        "a zero-width space or word joiner in an entry's title or alias passes faq vali"
        "date and a form's save",
        "knowledge/loader.py",
        "        *((where, text, line, _UNSEEN_IN_NAMES) for where, text, line in names),",
        "        *((where, text, line, _UNSEEN) for where, text, line in names),",
        (
            "tests/test_faq_validation.py::test_an_invisible_character_in_a_title_alias_or_keyword_is_told_at_its_line",
            "tests/test_moderation_e2e.py::test_a_form_holding_a_control_character_is_refused_saying_where",
        ),
    ),
    Mutant(
        "a zero-width joiner inside an emoji in a title is refused as an invisible character",
        "knowledge/loader.py",
        '    r"|(?<![^\\x00-\\x7f\\s])[\\u200c\\u200d]|[\\u200c\\u200d](?![^\\x00-\\x7f\\s])"',
        '    r"|[\\u200c\\u200d]"',
        (
            "tests/test_faq_validation.py::test_an_invisible_character_in_a_title_alias_or_keyword_is_told_at_its_line",
        ),
    ),
    Mutant(
        "'/reload now' typed in the console is an unknown command and reads nothing",
        "bot/console.py",
        '    return words[:1] == ["/reload"] or words == ["reload"]',
        '    return words == ["/reload"] or words == ["reload"]',
        (
            "tests/test_console.py::test_reload_with_words_after_it_or_named_as_in_discord_reads_the_files_again",
        ),
    ),
    Mutant(
        "Discord's '/faq-admin validate' typed in the console is an unknown command, wi"
        "th no word of the console's /reload or 'rollover-bot faq validate'",
        "bot/console.py",
        '        if command == "faq-admin":\n            return FAQ_ADMIN_HINT\n',
        "",
        (
            "tests/test_console.py::test_reload_with_words_after_it_or_named_as_in_discord_reads_the_files_again",
        ),
    ),
    Mutant(
        "a source typed 'Title ｜ https://...' with the full-width bar in /faq-admin new"
        " is refused as a link holding a space",
        "bot/cogs/faq_admin.py",
        '_SOURCE_BARS = ("|", "\\uff5c")',
        '_SOURCE_BARS = ("|",)',
        (
            "tests/test_moderation_e2e.py::test_a_source_typed_as_members_type_links_is_saved_as_its_title_and_link",
        ),
    ),
    Mutant(
        "a question approved from review with a control character in it is written to i"
        "ts examples file as a YAML escape ('\\e[31m', '\\a')",
        "knowledge/editing.py",
        "    question = as_written(text).strip()",
        "    question = text.strip()",
        (
            "tests/test_faq_editing.py::test_a_question_pasted_with_a_control_character_is_written_without_an_escape",
        ),
    ),
    Mutant(
        "a question approved without its control character is no longer the same questi"
        "on asked again word for word with it",
        "knowledge/examples.py",
        '    return " ".join(as_written(text).translate(_STRAIGHT_QUOTES)',
        '    return " ".join(text.translate(_STRAIGHT_QUOTES)',
        (
            "tests/test_faq_editing.py::test_a_question_pasted_with_a_control_character_is_written_without_an_escape",
        ),
    ),
    Mutant(
        "an entry titled with emoji or punctuation alone ('🤔🤔🤔', '???') passes faq validate",
        "knowledge/loader.py",
        "    if not phrase_key(meta.title):\n",
        "    if False:\n",
        (
            "tests/test_faq_validation.py::test_a_title_of_emoji_or_punctuation_alone_is_told_at_its_line",
        ),
    ),
    Mutant(
        "an entry file's id with a capital or a word processor's dash is refused withou"
        "t saying which character",
        "knowledge/loader.py",
        "is not a valid entry id{odd_id_character(typed)}: use",
        "is not a valid entry id: use",
        (
            "tests/test_faq_validation.py::test_an_id_with_a_capital_or_a_word_processors_dash_says_which_character",
        ),
    ),
    Mutant(
        "a byte order mark inside an examples file (two Notepad files joined) is told a"
        "s a list item indented wrongly",
        "knowledge/frontmatter.py",
        '|(?!\\A)\\ufeff"',
        '"',
        (
            "tests/test_faq_validation.py::test_a_byte_order_mark_inside_an_examples_file_is_told_at_its_line",
        ),
    ),
    Mutant(
        "an examples file named with capitals or '_' ('Three-Buckets.yaml', 'Off-Topic.yaml') "
        "is refused without the name it should have",
        "knowledge/examples.py",
        "    meant = _meant_name(stem, entry_ids)\n",
        "    meant = None\n",
        ("tests/test_examples.py::test_a_broken_examples_file_is_reported_with_its_line",),
    ),
    Mutant(
        "'faq show knowledge/faq/notice-2014-54.md' (an entry's file, as a shell comple"
        "tes it) is 'no FAQ entry'",
        "knowledge/base.py",
        '        if name.lower().endswith(".md"):\n',
        "        if False:\n",
        (
            "tests/test_faq_validation.py::test_faq_show_and_the_console_take_an_entrys_file_for_its_id",
        ),
    ),
    Mutant(
        "'/help faq' or '/help reload' in the console is 'Unknown command /help'",
        "bot/console.py",
        "        if _command_help(text):\n            return help_text(self.width)\n",
        "",
        ("tests/test_console.py::test_help_about_a_console_command_is_the_help",),
    ),
    Mutant(
        "a source written '[Title](https://...)' in /faq-admin new's sources box is ref"
        "used as a link holding a space",
        "bot/cogs/faq_admin.py",
        "    if found := _MARKDOWN_LINK.fullmatch(line.strip()):\n",
        "    if found := None:\n",
        (
            "tests/test_moderation_e2e.py::test_a_source_typed_as_members_type_links_is_saved_as_its_title_and_link",
        ),
    ),
    Mutant(
        "a source's link written in '<...>' in /faq-admin new's sources box is refused "
        "as a link holding '<'",
        "bot/cogs/faq_admin.py",
        '    if url.startswith("<") and url.endswith(">"):\n',
        "    if False:\n",
        (
            "tests/test_moderation_e2e.py::test_a_source_typed_as_members_type_links_is_saved_as_its_title_and_link",
        ),
    ),
    Mutant(
        "Form 8606 line 6's step tells a member to add a recharacterization made after "
        "December 31, even one that moved a traditional IRA contribution to a Roth IRA "
        "(which the instructions take off)",
        "calculators/form8606.py",
        "outstanding IRA-to-IRA rollovers (not Roth or inherited IRAs, not employer pla"
        'ns, "\n        f"not a rollover on its way from an IRA to an employer plan), t'
        'aking into account "\n        f"any recharacterization of the year\'s contribu'
        'tions completed after December 31 (one "\n'
        '        f"from a Roth IRA to a traditional IRA adds to it, one from a traditio'
        'nal IRA to a "\n        f"Roth IRA takes from it): {usd(l6)}."',
        'outstanding IRA-to-IRA rollovers and any recharacterization completed after "\n'
        '        f"December 31 (not Roth or inherited IRAs, not employer plans, not a r'
        'ollover on its "\n        f"way from an IRA to an employer plan): {usd(l6)}."',
        (
            "tests/test_calc_form8606.py::test_line_6_takes_a_late_recharacterization_into_account_either_way",
        ),
    ),
    Mutant(
        "Show working too long for one message says the rest is in an attached file, bu"
        "t attaches none: a member cannot see the steps left out",
        "bot/embeds.py",
        "    if not any(_attached(result) in text for text in texts):",
        "    if True:",
        (
            "tests/test_bot_e2e.py::test_working_too_long_for_one_message_leaves_out_whole_steps_and_attaches_them",
        ),
    ),
    Mutant(
        "/prorata's earnings hint no longer says a loss is typed as a negative amount",
        "bot/cogs/calculators.py",
        'earnings=f"Earnings in the account; negative for a loss ({AMOUNT_HELP})",',
        'earnings=f"Earnings in the account ({AMOUNT_HELP})",',
        ("tests/test_bot_e2e.py::test_every_calculator_option_that_takes_a_loss_says_so",),
    ),
    Mutant(
        "/schedule's annual_return hint no longer says a negative return is taken",
        "bot/cogs/calculators.py",
        'annual_return="Expected yearly return, e.g. 7%; negative for a loss, e.g. -10%",',
        'annual_return="Expected yearly return, e.g. 7%",',
        ("tests/test_bot_e2e.py::test_every_calculator_option_that_takes_a_loss_says_so",),
    ),
    Mutant(
        "rollover-bot ask prints the not-tax-advice line twice when the question states"
        " its amounts (under the answer and under the worked example)",
        "bot/cli/ask.py",
        "render_text(calc, width, disclaimer=False)",
        "render_text(calc, width)",
        (
            "tests/test_cli_ask.py::test_the_not_tax_advice_line_is_printed_once_under_the_whole_answer",
        ),
    ),
    Mutant(
        "rollover-bot ask prints the not-tax-advice line under each answer of a post as"
        "king two things",
        "bot/cli/ask.py",
        "terminal.render_layout(kb.short(hit.id), width, footer=False)",
        "terminal.render_layout(kb.short(hit.id), width)",
        (
            "tests/test_cli_ask.py::test_the_not_tax_advice_line_is_printed_once_under_the_whole_answer",
        ),
    ),
    Mutant(
        "/schedule's paychecks autocomplete offers only the usual four: a member typing"
        " 27 is offered nothing",
        "bot/cogs/calculators.py",
        "    if 1 <= count <= 365 and count not in (c.value for c in usual):",
        "    if False:",
        (
            "tests/test_bot_e2e.py::test_schedule_takes_any_paycheck_count_and_suggests_the_usual_ones",
        ),
    ),
    Mutant(
        "/schedule refuses 27 paychecks (a year with an extra biweekly payday), which t"
        "he calculator takes",
        "bot/cogs/calculators.py",
        "        paychecks: app_commands.Range[int, 1, 365],",
        "        paychecks: app_commands.Range[int, 1, 26],",
        (
            "tests/test_bot_e2e.py::test_schedule_takes_any_paycheck_count_and_suggests_the_usual_ones",
        ),
    ),
    Mutant(
        "a calculator typed into /ask or after a mention is told to type it and find it"
        " in the list, with no command mention to tap",
        "bot/answering.py",
        "    if ids and name in ids:",
        "    if False:",
        (
            "tests/test_bot_e2e.py::test_a_calculator_typed_as_a_question_is_one_tap_from_the_calculator",
        ),
    ),
    Mutant(
        "a calculator typed after a mention gets no command mention to tap (only /ask's does)",
        MENTIONS,
        "calculator_hint(typed, ids), mention_author",
        "calculator_hint(typed), mention_author",
        (
            "tests/test_bot_e2e.py::test_a_calculator_typed_as_a_question_is_one_tap_from_the_calculator",
        ),
    ),
    Mutant(
        "'dev.py mutants' with a mistyped NAME runs nothing and exits 0, as a pass",
        "tests/mutants.py",
        "    if not chosen:\n",
        "    if False:\n",
        ("tests/test_dev.py::test_dev_py_mutants_refuses_a_name_no_mutant_has",),
    ),
    Mutant(
        "'--faq-dir=~/faq' is read as a folder named '~' in the current one: 'FAQ folde"
        "r does not exist'",
        "bot/cli/common.py",
        "    return from_home(Path(text))\n",
        "    return Path(text)\n",
        (
            "tests/test_settings.py::test_path_options_written_from_the_home_folder_are_in_the_home_folder",
        ),
    ),
    Mutant(
        "'faq stats --db=~/data/rollover-bot.db' says 'no data yet', the real database "
        "in the home folder unread",
        "bot/cli/faq.py",
        "else from_home(Path(text))\n",
        "else Path(text)\n",
        (
            "tests/test_settings.py::test_path_options_written_from_the_home_folder_are_in_the_home_folder",
        ),
    ),
    Mutant(
        "'python3 dev.py --help' exits 2 with the usage on stderr, as for a typo",
        "dev.py",
        '    if argv[:1] in (["-h"], ["--help"], ["help"]):\n',
        "    if False:\n",
        ("tests/test_dev.py::test_dev_py_help_is_the_usage_on_stdout_exit_0",),
    ),
    Mutant(
        "'ask --json' puts an empty \"reason\" in an answered question's object, against cli.md",
        "bot/cli/ask.py",
        "    if result.reason:\n",
        "    if True:\n",
        ("tests/test_cli_ask.py::test_json_reason_is_there_exactly_when_not_answered",),
    ),
    Mutant(
        "'faq show FILE' of another FAQ folder shows the shipped entry under that file'"
        "s name, not the edit",
        "knowledge/base.py",
        "            return not typed_path.samefile(own)\n",
        "            return False\n",
        (
            "tests/test_faq_validation.py::test_faq_show_refuses_an_entrys_file_from_another_faq_folder",
        ),
    ),
    Mutant(
        "the console's '/faq FILE' of another FAQ folder shows the shipped entry, not that file's",
        "bot/console.py",
        "        if self.kb.other_file(typed, entry_id):\n",
        "        if False:\n",
        (
            "tests/test_faq_validation.py::test_faq_show_refuses_an_entrys_file_from_another_faq_folder",
        ),
    ),
    Mutant(
        "a raw '?' in a PostgreSQL password is refused without saying to write it %3F",
        "bot/storage/postgres.py",
        "'#' as %23, '?' as %3F)",
        "'#' as %23)",
        ("tests/test_storage.py::test_cli_reports_on_an_unreachable_database_exit_1_not_2",),
    ),
    Mutant(
        "config/settings.toml names no values for log_level ('debug' then stops the bot)",
        "config/settings.toml",
        '# How much the bot logs: "DEBUG", "INFO", "WARNING" or "ERROR" (in capitals).\n',
        "# How much the bot logs.\n",
        (
            "tests/test_settings.py::test_the_shipped_settings_file_documents_every_setting_with_its_default",
        ),
    ),
    Mutant(
        "config/settings.toml states a digest hour the code does not default to",
        "config/settings.toml",
        "digest_hour_utc = 15\n",
        "digest_hour_utc = 14\n",
        (
            "tests/test_settings.py::test_the_shipped_settings_file_documents_every_setting_with_its_default",
        ),
    ),
    Mutant(
        "posts held back by the forum cap answered in no order when its minute ends (th"
        "e SQLite queue taking the earliest due, not the longest owed)",
        "bot/storage/sqlite.py",
        '" ORDER BY created_at LIMIT ?",',
        '" ORDER BY due_at LIMIT ?",',
        (
            "tests/test_limits_e2e.py::test_posts_held_by_the_forum_cap_are_answered_in_the_order_they_were_posted",
            "tests/test_storage.py::test_due_replies_are_taken_once_with_a_lease_and_retried_later",
        ),
    ),
    Mutant(
        "owed replies taken earliest due first on the in-memory store, not the longest owed first",
        "bot/storage/memory.py",
        "if r.due <= now), key=lambda r: r.created)",
        "if r.due <= now), key=lambda r: r.due)",
        ("tests/test_storage.py::test_due_replies_are_taken_once_with_a_lease_and_retried_later",),
    ),
    Mutant(
        "a held post's retry reads the thread, its opening message and its replies from"
        " Discord while the forum cap is still full",
        "bot/cogs/answers.py",
        "if not owes_tags_only(owed) and self.forum_window.full():",
        "if not owes_tags_only(owed) and False:",
        (
            "tests/test_limits_e2e.py::test_posts_held_by_the_forum_cap_cost_discord_nothing_while_it_is_full",
        ),
    ),
    Mutant(
        "a stop on a busy server begins replies to the forum posts still coming: it tak"
        "es the whole grace and cuts them off under a lease",
        "bot/cogs/answers.py",
        "if self.bot.stopping or not self.posts.claim(thread.id):",
        "if not self.posts.claim(thread.id):",
        (
            "tests/test_limits_e2e.py::test_a_stop_during_a_flood_begins_no_new_reply_and_the_restart_answers_those",
        ),
    ),
    Mutant(
        "a member's deleted or forgotten words stay readable in the SQLite write-ahead log",
        "bot/storage/sqlite.py",
        'await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")',
        'await self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")',
        ("tests/test_storage.py::test_words_deleted_from_sqlite_are_in_none_of_its_files",),
    ),
    Mutant(
        "a PostgreSQL password given as ?password= in the URL is printed by the faq reports",
        "bot/storage/postgres.py",
        'return _QUERY_PASSWORD.sub(r"\\1***", shown)',
        "return shown",
        ("tests/test_storage.py::test_a_password_given_in_the_urls_query_is_never_shown",),
    ),
    Mutant(
        "a Discord token written in settings.toml is taken silently (and published with"
        " the next commit)",
        "bot/settings.py",
        "    found = [str(k) for k in data if str(k).lower() in names]\n",
        "    found = []\n",
        ("tests/test_settings.py::test_a_token_written_in_the_settings_file_is_refused_not_taken",),
    ),
    Mutant(
        "a setting an older release had is told as a misspelling ('check the spelling')"
        ", not as removed",
        "bot/settings.py",
        '    if kind == "extra_forbidden" and name in _REMOVED:\n',
        '    if kind == "extra_forbidden" and name in ():\n',
        (
            "tests/test_settings.py::test_a_setting_an_older_release_had_is_said_removed_not_misspelt",
        ),
    ),
    Mutant(
        "a database an older release kept under ./~/ is left unread: the upgraded bot s"
        "ilently starts an empty one in the home folder",
        "bot/settings.py",
        "        left_behind = meant != written and written.is_file() and not meant.exists()\n",
        "        left_behind = False\n",
        (
            "tests/test_settings.py::test_a_database_an_older_release_kept_under_a_folder_named_tilde_is_not_left_behind",
        ),
    ),
    Mutant(
        "/faq-admin forget leaves a member's votes from the first releases (unkeyed has"
        "h) and says 0 vote(s)",
        "bot/cogs/faq_admin.py",
        "            _, unkeyed = await self.bot.store.forget_member(unkeyed_hash(member.id))\n",
        "            unkeyed = 0\n",
        ("tests/test_bot_e2e.py::test_forget_takes_the_votes_a_release_before_vote_keys_kept",),
    ),
    Mutant(
        "a LISTEN refused while re-listening (a standby in recovery) leaves its connect"
        "ion open on the PostgreSQL server, one more each retry",
        "bot/storage/postgres.py",
        "            listener.terminate()\n            raise",
        "            raise",
        (
            "tests/test_storage.py::test_postgres_listen_refused_while_re_listening_leaves_no_connection_open",
        ),
    ),
    Mutant(
        "a PostgreSQL listening connection a NAT or firewall dropped silently is never "
        "replaced: other processes' reloads are no longer heard",
        "bot/storage/postgres.py",
        "        self._checking = asyncio.get_running_loop().create_task(self._check_li"
        "stening())\n",
        "",
        ("tests/test_storage.py::test_postgres_a_listening_connection_gone_silent_is_replaced",),
    ),
    Mutant(
        "an autocomplete answered past its 3 s (replayed after a reconnect) is an ERROR"
        " with a traceback in discord.py's log, one a keystroke",
        "bot/replies.py",
        "        if not expired(exc):\n            raise\n        log_expired(interaction, what)\n",
        "        raise\n        log_expired(interaction, what)\n",
        (
            "tests/test_faults_e2e.py::test_an_autocomplete_answered_too_late_is_one_warning_and_nothing_more",
        ),
    ),
    Mutant(
        "an expired autocomplete is answered a second time by discord.py (another 404, "
        "an ERROR with a traceback)",
        "bot/replies.py",
        "        interaction.response._response_type = discord.InteractionResponseType."
        "autocomplete_result\n",
        "",
        (
            "tests/test_faults_e2e.py::test_an_autocomplete_answered_too_late_is_one_warning_and_nothing_more",
        ),
    ),
    Mutant(
        "the FAQ list's page button clicked too late is an ERROR with a traceback in di"
        "scord.py's log",
        "bot/cogs/ask.py",
        '            await apologise(interaction, exc, "paging the FAQ list")\n',
        "            raise\n",
        (
            "tests/test_faults_e2e.py::test_page_and_show_working_buttons_clicked_too_late_are_one_warning_each",
        ),
    ),
    Mutant(
        "the stats' page button clicked too late is an ERROR with a traceback in discord.py's log",
        "bot/cogs/faq_admin.py",
        '            await apologise(interaction, exc, "paging the stats")\n',
        "            raise\n",
        (
            "tests/test_faults_e2e.py::test_page_and_show_working_buttons_clicked_too_late_are_one_warning_each",
        ),
    ),
    Mutant(
        "'Show working' clicked too late is an ERROR with a traceback in discord.py's log",
        "bot/cogs/calculators.py",
        '            await apologise(interaction, exc, "showing a calculator\'s working")\n',
        "            raise\n",
        (
            "tests/test_faults_e2e.py::test_page_and_show_working_buttons_clicked_too_late_are_one_warning_each",
        ),
    ),
    Mutant(
        "a digest Discord refused is not given back: lost for the day, and the next day"
        "'s counts from it",
        "bot/cogs/housekeeping.py",
        '                await self.bot.store.release_chore("digest", now.date())\n',
        "                pass\n",
        (
            "tests/test_moderation_e2e.py::test_a_digest_discord_would_not_take_is_posted_at_the_next_pass",
        ),
    ),
    Mutant(
        "a digest whose post Discord refused is taken for posted",
        "bot/mod_log.py",
        '        log.warning("could not post to the mod log channel %s: %r", channel_id'
        ", exc)\n        return False\n",
        '        log.warning("could not post to the mod log channel %s: %r", channel_id, exc)\n',
        (
            "tests/test_moderation_e2e.py::test_a_digest_discord_would_not_take_is_posted_at_the_next_pass",
        ),
    ),
    Mutant(
        "SQLite: a chore given back stays claimed",
        "bot/storage/sqlite.py",
        '            "DELETE FROM chores WHERE name = ? AND day = ?", (name, day.isoformat())\n',
        '            "DELETE FROM chores WHERE name = ? AND day = ?", (name, "")\n',
        (
            "tests/test_storage.py::test_a_chore_given_back_is_claimed_again_and_no_longer_counts_as_done[sqlite]",
        ),
    ),
    Mutant(
        "PostgreSQL: a chore given back stays claimed",
        "bot/storage/postgres.py",
        '        await self._execute("DELETE FROM chores WHERE name = $1 AND day = $2",'
        " name, day)\n",
        '        await self._execute("SELECT $1::text, $2::date", name, day)\n',
        (
            "tests/test_storage.py::test_a_chore_given_back_is_claimed_again_and_no_longer_counts_as_done[postgres]",
        ),
    ),
    Mutant(
        "a question edited into '@Rollover Bot hi' whose answer Discord refused once is"
        " never answered: its retry takes the greeting's prompt for the answer",
        "bot/cogs/answers.py",
        "            if asking and later.content in (*PROMPTS, UNSURE_LINE):\n",
        "            if asking and later.content in (ASK_AFTER_MENTION, UNSURE_LINE):\n",
        (
            "tests/test_faults_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_by_its_retry",
        ),
    ),
    Mutant(
        "a pin in a DM spends the member's hourly /ask hint on a reply Discord refuses,"
        " and their next question gets silence",
        "bot/cogs/answers.py",
        "        if message.is_system() or not self.dm_hints.get(message.author.id).allow():\n",
        "        if not self.dm_hints.get(message.author.id).allow():\n",
        ("tests/test_bot_e2e.py::test_a_pin_in_a_direct_message_is_no_question",),
    ),
    Mutant(
        "'@Rollover Bot' with only a photo of a 1099-R is asked for a question as if no"
        "thing had been sent",
        MENTIONS,
        "                    PICTURE_PROMPT if any(map(shows_a_picture, shown)) else AS"
        "K_AFTER_MENTION,\n",
        "                    ASK_AFTER_MENTION,\n",
        ("tests/test_bot_e2e.py::test_a_mention_with_only_a_picture_is_told_the_bot_reads_words",),
    ),
    Mutant(
        "a bare mention under the bot's own answer card is told the bot cannot read pictures",
        MENTIONS,
        "                if referenced is not None and from_a_member(referenced):\n",
        "                if referenced is not None:\n",
        ("tests/test_bot_e2e.py::test_a_mention_with_only_a_picture_is_told_the_bot_reads_words",),
    ),
    Mutant(
        "a question edited into a mention that got the picture prompt is not answered a"
        "fter a restart",
        MENTIONS,
        'PROMPTS = (ASK_AFTER_MENTION, f"Hi! {ASK_AFTER_MENTION}", PICTURE_PROMPT)\n',
        'PROMPTS = (ASK_AFTER_MENTION, f"Hi! {ASK_AFTER_MENTION}")\n',
        ("tests/test_bot_e2e.py::test_a_mention_with_only_a_picture_is_told_the_bot_reads_words",),
    ),
    Mutant(
        "'thanks @Rollover Bot!' then closing the post: the bot's 'You're welcome' reop"
        "ens the closed post",
        MENTIONS,
        "        if closed_since(message.channel):\n            # Closed since it was asked",
        "        if False:\n            # Closed since it was asked",
        (
            "tests/test_bot_e2e.py::test_a_post_closed_after_its_member_thanked_the_bot_stays_closed",
        ),
    ),
    Mutant(
        "a question asked as a poll: Answer with FAQ says it has no text, and '@Rollove"
        "r Bot' under it is asked for a question",
        "bot/replies.py",
        "    if message.poll is not None:\n",
        "    if False:\n",
        ("tests/test_bot_e2e.py::test_a_question_asked_as_a_poll_can_be_answered",),
    ),
    Mutant(
        "/faq user:me in a DM tells the member they are not a member here",
        "bot/cogs/ask.py",
        '                None if interaction.guild_id is None else said + "shown to you only:",\n',
        '                said + "shown to you only:",\n',
        (
            "tests/test_bot_e2e.py::test_faq_for_someone_who_is_no_member_here_shows_the_entry_privately",
        ),
    ),
    Mutant(
        "a direct message is pointed to /ask every time",
        "bot/cogs/answers.py",
        "        if message.is_system() or not self.dm_hints.get(message.author.id).allow():\n",
        "        if message.is_system():\n",
        ("tests/test_bot_e2e.py::test_a_direct_message_is_pointed_to_ask_once_an_hour",),
    ),
    Mutant(
        "a retried answer to a question edited into a bare mention takes the bot's 'Ask"
        " me after the mention' for the answer",
        "bot/cogs/answers.py",
        "            if asking and later.content in (*PROMPTS, UNSURE_LINE):\n",
        "            if asking and later.content in (UNSURE_LINE,):\n",
        (
            "tests/test_faults_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_by_its_retry",
        ),
    ),
    Mutant(
        "a mention's retry takes the post's unsure line for its answer",
        "bot/cogs/answers.py",
        "            if asking and later.content in (*PROMPTS, UNSURE_LINE):\n",
        "            if asking and later.content in PROMPTS:\n",
        (
            "tests/test_faults_e2e.py::test_a_mention_edited_into_an_unsure_post_is_answered_by_its_retry",
        ),
    ),
    Mutant(
        "faq stats/gaps/review from another folder name the database as 'data/rollover-"
        "bot.db', as if the bot's own were missing",
        "bot/cli/faq.py",
        "    return str(target.absolute()) if isinstance(target, Path) else label(target)",
        "    return label(target)",
        (
            "tests/test_storage.py::test_cli_reports_name_the_database_whole_run_from_another_folder",
        ),
    ),
    Mutant(
        "rollover-bot run says nothing at start of the FAQ folder, database or channels it serves",
        "bot/runner.py",
        '    log.info("%s", _starting(settings, knowledge, fallback))\n',
        "",
        (
            "tests/test_processes_e2e.py::test_the_start_is_logged_in_one_line_naming_the_faq_database_and_channels",
        ),
    ),
    Mutant(
        "the start's log line shows the PostgreSQL password",
        "bot/runner.py",
        'f"database {url_shown(database.url) if database.url else database.path.absolute()}"',
        'f"database {database.url or database.path.absolute()}"',
        ("tests/test_secrets.py::test_the_start_line_shows_a_database_url_without_its_password",),
    ),
    Mutant(
        "the start's log line names a relative FAQ folder as given, not whole",
        "bot/runner.py",
        'f"{knowledge.source_dir.absolute()}{kept}"',
        'f"{knowledge.source_dir}{kept}"',
        (
            "tests/test_processes_e2e.py::test_the_start_is_logged_in_one_line_naming_the_faq_database_and_channels",
        ),
    ),
    Mutant(
        "the console does not say which FAQ folder it answers from",
        "bot/console.py",
        "    for line in (BANNER, source):\n",
        "    for line in (BANNER,):\n",
        ("tests/test_console.py::test_the_console_says_which_faq_folder_it_answers_from_whole",),
    ),
    Mutant(
        "the console names a relative FAQ folder as given, not whole",
        "bot/console.py",
        'in {kb.source_dir.absolute()}."',
        'in {kb.source_dir}."',
        ("tests/test_console.py::test_the_console_says_which_faq_folder_it_answers_from_whole",),
    ),
    Mutant(
        "a flood over the forum cap logs a warning for every post held back",
        "bot/cogs/answers.py",
        "        if not new_flood:\n",
        "        if False:\n",
        (
            "tests/test_limits_e2e.py::test_a_flood_over_the_forum_cap_is_one_warning_naming_the_setting",
        ),
    ),
    Mutant(
        "a flood over the forum cap lasting past its first minute warns for every post "
        "held after that minute",
        "bot/cogs/answers.py",
        "        self._cap_held_at = now\n",
        "        self._cap_held_at = self._cap_held_at or now\n",
        (
            "tests/test_limits_e2e.py::test_a_flood_over_the_forum_cap_is_one_warning_naming_the_setting",
        ),
    ),
    Mutant(
        "a stop asked by SIGTERM or Ctrl-C is not said in the log as it begins",
        "bot/cli/service.py",
        '"%s: stopping (a second signal ends it at once)", signal.Signals(signum).name',
        '"stopping (a second signal ends it at once)"',
        ("tests/test_processes_e2e.py::test_a_stop_is_logged_when_asked_and_when_done",),
    ),
    Mutant(
        "the log never says the stop ended (connection and database closed)",
        "bot/cli/service.py",
        "            if stopped_by is not None:  # (the log said the stop began: it say"
        "s it ended)\n",
        "            if False:\n",
        ("tests/test_processes_e2e.py::test_a_stop_is_logged_when_asked_and_when_done",),
    ),
    Mutant(
        "a missing relative FAQ folder is named as given ('faq'), not where it was looked for",
        "bot/cli/common.py",
        'f"the FAQ folder {folder.absolute()} ({named}) does not exist or is not a folder"',
        'f"the FAQ folder {folder} ({named}) does not exist or is not a folder"',
        ("tests/test_cli_ask.py::test_a_missing_relative_faq_folder_is_named_whole",),
    ),
    Mutant(
        "a relative database path that cannot be used at start is named as given, not whole",
        "bot/storage/__init__.py",
        "SqliteStore(database.path.absolute(), retention_days=database.retention_days)",
        "SqliteStore(database.path, retention_days=database.retention_days)",
        (
            "tests/test_startup_failures.py::test_a_relative_database_path_that_cannot_be_used_is_named_whole",
        ),
    ),
    Mutant(
        "the start-up error names a relative database path as given, not whole",
        "bot/runner.py",
        "str(settings.database.path.absolute())",
        "str(settings.database.path)",
        (
            "tests/test_startup_failures.py::test_a_relative_database_path_that_cannot_be_used_is_named_whole",
        ),
    ),
    Mutant(
        "bare rollover-bot as a service without a token opens a console on /dev/null and exits 0",
        "bot/cli/service.py",
        "    if has_token(settings()) or _input_is_devnull():\n",
        "    if has_token(settings()):\n",
        (
            "tests/test_console.py::test_bare_command_without_token_as_a_service_gets_runs_error_not_a_console",
        ),
    ),
    Mutant(
        "a PostgreSQL outage logs a traceback for each of the driver's tries to reconnect",
        "bot/storage/postgres.py",
        'logging.getLogger("asyncpg.pool").addFilter(_DriverRetryLine())\n',
        "",
        (
            "tests/test_storage.py::test_a_postgres_server_gone_is_said_by_the_driver_in_lines_not_tracebacks",
        ),
    ),
    Mutant(
        "a PostgreSQL outage logs a warning for every failed try to hear reload announc"
        "ements again",
        "bot/storage/postgres.py",
        "level = logging.WARNING if delay == first_delay else logging.DEBUG",
        "level = logging.WARNING",
        (
            "tests/test_storage.py::test_reload_announcements_not_heard_during_an_outage_are_one_warning",
        ),
    ),
    Mutant(
        "An entry saved by hand (an editor, a git pull) while an edit from Discord is c"
        "hecked is written over without a word",
        "knowledge/editing.py",
        "    current = _as_opened(path, entry_id, expected)\n    backup = None\n",
        "    backup = None\n",
        (
            "tests/test_faq_editing.py::test_an_entry_saved_by_hand_while_an_edit_from_discord_is_checked_is_kept",
        ),
    ),
    Mutant(
        "A reload while a git pull writes the FAQ files reads old entries with new exam"
        "ples: refused for an examples file naming an entry 'that does not exist', or a"
        " mix no commit holds served",
        "knowledge/base.py",
        "                if not tries_left or folder_signature(folder) == files:\n",
        "                if True:\n",
        (
            "tests/test_moderation_e2e.py::test_a_reload_while_a_git_pull_writes_the_files_loads_them_as_pulled",
        ),
    ),
    Mutant(
        "An entry file kept by a moderator becomes the bot's, in the bot's group, after"
        " an edit from Discord: the moderator's editor can no longer save it",
        "knowledge/editing.py",
        "            _keep_owner(fd, found)  # (first: a change of owner clears a set-id bit)\n",
        "",
        ("tests/test_faq_editing.py::test_a_saved_file_stays_its_owners_and_its_groups",),
    ),
    Mutant(
        "A bot that is no superuser gives a moderator's entry file its own group on an "
        "edit from Discord, as it may not keep the owner",
        "knowledge/editing.py",
        "    for uid in (found.st_uid, -1):\n",
        "    for uid in (found.st_uid,):\n",
        ("tests/test_faq_editing.py::test_a_saved_file_stays_its_owners_and_its_groups",),
    ),
    Mutant(
        "An Emacs numbered backup ('alpha.md.~1~') is told as a misnamed entry in faq v"
        "alidate and the moderator log",
        "knowledge/loader.py",
        ' and not path.name.endswith("~")',
        "",
        ("tests/test_faq_validation.py::test_an_emacs_numbered_backup_is_no_notice",),
    ),
    Mutant(
        "An examples file kept elsewhere and linked into the FAQ folder is never reload"
        "ed when edited there: the bot keeps its old examples",
        "bot/cogs/faq_watch.py",
        "                before = before or (seen is not None and now != seen)\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_watcher_reloads_an_examples_file_kept_elsewhere_and_edited_there",
        ),
    ),
    Mutant(
        "A save from Discord into a folder the bot may not write in is refused naming a"
        " temporary file no moderator knows ('.alpha.md.eubh7sqm.tmp'), not the folder",
        "knowledge/editing.py",
        "        raise OSError(exc.errno, exc.strerror, str(path.parent)) from None\n",
        "        raise\n",
        (
            "tests/test_faq_editing.py::test_a_folder_the_bot_may_not_write_in_is_named_when_a_save_fails",
        ),
    ),
    Mutant(
        "An examples file saved in a folder inside 'examples' brings no reload: the mod"
        "erator log never says it is not read",
        "knowledge/loader.py",
        "    if faq_dir / EXAMPLES_DIR in path.parents:\n",
        "    if path.parent == faq_dir / EXAMPLES_DIR:\n",
        (
            "tests/test_moderation_e2e.py::test_watcher_tells_of_an_examples_file_saved_in_a_folder_inside_examples",
        ),
    ),
    Mutant(
        "/faq-admin edit or alias of an entry file the bot may not read answers 'Sorry,"
        " something went wrong on my side', naming no file to fix",
        "knowledge/editing.py",
        '        raise EditRefused(\n            f"{path.name} cannot be read ({exc.stre'
        'rror or exc}); nothing was changed."\n        ) from None\n',
        "        raise\n",
        (
            "tests/test_moderation_e2e.py::test_an_entry_file_the_bot_may_not_read_is_said_so_when_edited",
        ),
    ),
    Mutant(
        "After a deploy swaps the 'examples' link to another folder, edits to the examp"
        "les are never loaded: the watcher goes on watching the folder the link led to "
        "at start",
        "bot/cogs/faq_watch.py",
        "                if _linked(examples_dir(self.bot.faq_dir)) != examples:\n      "
        "              return\n",
        "",
        (
            "tests/test_moderation_e2e.py::test_watcher_follows_an_examples_link_swapped_to_another_folder",
        ),
    ),
    Mutant(
        "/faq-admin alias on an entry saved by hand while the alias was checked is refu"
        "sed as 'changed by someone else after you opened it', though nothing was opene"
        "d",
        "bot/cogs/faq_admin.py",
        "                        if rebuild is None or not tries_left:\n",
        "                        if True:\n",
        (
            "tests/test_moderation_e2e.py::test_an_alias_lands_in_the_entry_as_saved_by_hand_while_it_was_added",
        ),
    ),
    Mutant(
        "a Discord token written under [discord] in settings.toml is told 'no such sett"
        "ing (check the spelling)', not where the token goes",
        "bot/settings.py",
        '            found += [f"{table}.{k}" for k in values if str(k).lower() in names]',
        "            pass",
        (
            "tests/test_settings.py::test_a_token_written_under_a_table_of_the_settings_file_is_told_where_it_goes",
        ),
    ),
    Mutant(
        "an edit from Discord fails on a file system that refuses the owner with EINVAL (NFSv4)",
        "knowledge/editing.py",
        "        except OSError:  # (EPERM; or EINVAL: NFSv4 with an owner its id mapping lacks)\n",
        "        except PermissionError:\n",
        ("tests/test_faq_editing.py::test_an_edit_is_saved_where_the_files_owner_cannot_be_kept",),
    ),
    Mutant(
        "a mention's answer reopens the post closed while the database was read",
        MENTIONS,
        "            if closed_since(message.channel):\n                # Closed while",
        "            if False:\n                # Closed while",
        ("tests/test_bot_e2e.py::test_a_post_closed_while_a_mentions_answer_is_made_stays_closed",),
    ),
    Mutant(
        "a message deleted while a backup reads the SQLite file holds up every answer f"
        "or busy_timeout (5 s)",
        "bot/storage/sqlite.py",
        '                await self._db.execute("PRAGMA busy_timeout = 0")\n',
        "",
        (
            "tests/test_storage.py::test_a_deletion_while_another_program_reads_the_file_does_not_hold_up_the_bot",
        ),
    ),
    Mutant(
        "a full disk under a running bot is an internal fault, a traceback each retry pass",
        "bot/storage/sqlite.py",
        "                await _roll_back(db)\n                self._raise_if_passing(exc)\n",
        "                await _roll_back(db)\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_disk_full_under_a_running_bot_is_one_warning_"
                "and_owed_replies_wait_for_room"
            ),
        ),
    ),
    Mutant(
        "a mention's '/faq pro-rata' is matched with the command word",
        "bot/replies.py",
        (
            '    return without_command(strip_mentions("\\n".join(own))), strip_mentions("\\n'
            '".join(quoted))'
        ),
        '    return strip_mentions("\\n".join(own)), strip_mentions("\\n".join(quoted))',
        ("tests/test_bot_e2e.py::test_faq_or_ask_typed_as_a_question_asks_the_words_after_it",),
    ),
    Mutant(
        "/ask's '/faq pro-rata' is matched with the command word",
        "bot/cogs/ask.py",
        "        question = without_command(strip_mentions(question))",
        "        question = strip_mentions(question)",
        ("tests/test_bot_e2e.py::test_faq_or_ask_typed_as_a_question_asks_the_words_after_it",),
    ),
    Mutant(
        "'/help' typed as a question is matched, not the help card",
        "bot/small_talk.py",
        '    return said in words().help_requests or said == "/help"',
        "    return said in words().help_requests",
        (
            "tests/test_bot_e2e.py::test_ask_asking_for_help_gets_the_help_card",
            "tests/test_bot_e2e.py::test_a_mention_asking_for_help_gets_the_help_card",
        ),
    ),
    Mutant(
        "/schedule's paychecks suggest nothing for 'biweekly' typed",
        "bot/cogs/calculators.py",
        "        if str(n).startswith(typed) or _named(n, label, typed)\n",
        "        if str(n).startswith(typed)\n",
        (
            (
                "tests/test_bot_e2e.py::test_schedule_takes_any_paycheck_count_and_suggests_the"
                "_usual_ones"
            ),
        ),
    ),
    Mutant(
        "/schedule's paychecks know no payroll word but their labels'",
        "bot/cogs/calculators.py",
        "    words = f\"{label} {PAY_WORDS.get(n, '')}\".split()",
        "    words = label.split()",
        (
            (
                "tests/test_bot_e2e.py::test_schedule_takes_any_paycheck_count_and_suggests_the"
                "_usual_ones"
            ),
        ),
    ),
    Mutant(
        "/schedule's paychecks match a typed phrase to single words only",
        "bot/cogs/calculators.py",
        (
            '    return bool(said) and any(" ".join(words[i:]).startswith(said) for i in ra'
            "nge(len(words)))"
        ),
        "    return bool(said) and any(word.startswith(said) for word in words)",
        (
            (
                "tests/test_bot_e2e.py::test_schedule_takes_any_paycheck_count_and_suggests_the"
                "_usual_ones"
            ),
        ),
    ),
    Mutant(
        "/faq naming a member without a topic shows the list without a word",
        "bot/cogs/ask.py",
        "                None if user is None else for_member_needs_a_topic(user),\n",
        "                None,\n",
        (
            (
                "tests/test_bot_e2e.py::test_faq_naming_a_member_without_a_topic_says_nothing_w"
                "as_posted_for_them"
            ),
        ),
    ),
    Mutant(
        "/faq without a topic says nothing was posted for a member nobody named",
        "bot/cogs/ask.py",
        "                None if user is None else for_member_needs_a_topic(user),\n",
        "                for_member_needs_a_topic(user or interaction.user),\n",
        ("tests/test_bot_e2e.py::test_faq_without_a_topic_pages_through_every_entry",),
    ),
    Mutant(
        "the entry list's buttons follow the page clicked past the end after a reload",
        "bot/cogs/ask.py",
        "        page = shown_page(bot, self.page)\n",
        "        page = self.page\n",
        (
            (
                "tests/test_bot_e2e.py::test_the_faq_list_after_a_reload_that_took_a_page_away_"
                "pages_as_shown"
            ),
        ),
    ),
    Mutant(
        "the schedule chart's alt text says '3 day(s)'",
        "calculators/chart.py",
        (
            "        lines.append(f\"Each conversion settles {counted(inp.lag_days, 'day')} "
            'after its date.")'
        ),
        '        lines.append(f"Each conversion settles {inp.lag_days} day(s) after its date.")',
        ("tests/test_bot_e2e.py::test_the_schedule_charts_alt_text_counts_in_words",),
    ),
    Mutant(
        "a pick of an entry a reload took out says only 'try again'",
        "bot/cogs/point.py",
        "                await send_private(interaction, GONE_SINCE)",
        (
            '                await send_private(interaction, "That entry no longer exists; '
            'try again.")'
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_pick_of_an_entry_a_reload_took_out_sends_the_hel"
                "per_to_a_new_picker"
            ),
        ),
    ),
    Mutant(
        "'/split help' typed as a question is matched, not pointed to the calculator",
        "calculators/catalog.py",
        "    if len(values) == 1 and values[0].lower() in HELP_WORDS:\n",
        "    if False:\n",
        ("tests/test_bot_e2e.py::test_how_to_use_a_calculator_asked_gets_the_calculator_named",),
    ),
    Mutant(
        "'help split' typed as a question is matched, not pointed to the calculator",
        "calculators/catalog.py",
        "    if name.lower() in HELP_WORDS and len(values) == 1:",
        "    if False:",
        ("tests/test_bot_e2e.py::test_how_to_use_a_calculator_asked_gets_the_calculator_named",),
    ),
    Mutant(
        "'help split' followed by a question is taken for the calculator's help",
        "calculators/catalog.py",
        "    if name.lower() in HELP_WORDS and len(values) == 1:",
        "    if name.lower() in HELP_WORDS and values:",
        ("tests/test_bot_e2e.py::test_how_to_use_a_calculator_asked_gets_the_calculator_named",),
    ),
    Mutant(
        "a mention of emoji alone ('👍') is a question for the FAQ again",
        "bot/small_talk.py",
        "    if not said and not shows_nothing(text):\n",
        "    if False:\n",
        (
            "tests/test_small_talk.py::test_thanks",
            (
                "tests/test_bot_e2e.py::test_a_mention_that_only_thanks_or_greets_gets_a_word_b"
                "ack_not_a_card"
            ),
        ),
    ),
    Mutant(
        "every emoji alone is thanks, '???' included",
        "bot/small_talk.py",
        '        return "thanks" if set(text) & known.thanks_symbols else "greeting"',
        '        return "thanks"',
        ("tests/test_small_talk.py::test_greetings",),
    ),
    Mutant(
        "invisible characters alone are small talk, not an empty question",
        "bot/small_talk.py",
        "    if not said and not shows_nothing(text):\n",
        "    if not said and text.strip():\n",
        (
            "tests/test_small_talk.py::test_anything_that_may_ask_something_is_not_small_talk",
            "tests/test_console.py::test_bad_input_is_a_friendly_line",
        ),
    ),
    Mutant(
        "the console's '/faq' alone is taken for help (every slash dropped)",
        "bot/small_talk.py",
        '    return said in words().help_requests or said == "/help"',
        '    return said.removeprefix("/") in words().help_requests',
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "'@bot faq' is answered with the IRS FAQ's entry, not the help card",
        "bot/data/small_talk.yaml",
        "  - faq\n",
        "",
        ("tests/test_bot_e2e.py::test_a_mention_asking_for_help_gets_the_help_card",),
    ),
    Mutant(
        "autocomplete past its allowance lists every entry by title whatever was typed",
        "knowledge/matcher.py",
        "            if all(word in title for word in typed)\n",
        "            if not typed\n",
        ("tests/test_bot_e2e.py::test_autocomplete_past_its_limit_lists_by_title",),
    ),
    Mutant(
        "autocomplete past its allowance lists nothing when no title holds the words",
        "knowledge/matcher.py",
        "        listed = sorted(holding, key=lambda p: p[1]) if holding else self._alphabetical",
        "        listed = sorted(holding, key=lambda p: p[1])",
        ("tests/test_bot_e2e.py::test_autocomplete_past_its_limit_lists_by_title",),
    ),
    Mutant(
        "autocomplete ranks without a limit (past the allowance too)",
        "bot/limits.py",
        "    if bot.autocomplete_windows.get(user_id).allow():\n",
        "    if True:\n",
        ("tests/test_bot_e2e.py::test_autocomplete_past_its_limit_lists_by_title",),
    ),
    Mutant(
        (
            "/ask matches the '<@id>' of a mention typed in its question (scores moved, ids"
            " kept for moderators)"
        ),
        "bot/cogs/ask.py",
        (
            "        question = without_command(strip_mentions(question))  # (line by line,"
            " as a mention's)\n"
        ),
        "        question = without_command(question.strip())\n",
        ("tests/test_bot_e2e.py::test_ask_matches_the_words_not_the_mentions_in_the_question",),
    ),
    Mutant(
        "a direct message's hint names /ask as text to type, not a mention to tap",
        "bot/cogs/answers.py",
        "            hint = mention_commands(DM_HINT, await command_ids(self.bot, None))",
        "            hint = DM_HINT",
        ("tests/test_bot_e2e.py::test_a_direct_message_is_pointed_to_ask_once_an_hour",),
    ),
    Mutant(
        (
            "a one-statement write to a full disk is a sqlite3 error (a fault with a traceb"
            "ack), not the database unavailable"
        ),
        "bot/storage/sqlite.py",
        (
            "            except sqlite3.Error as exc:\n                self._raise_if_passin"
            "g(exc)\n                raise\n            return cursor.rowcount"
        ),
        (
            "            except sqlite3.Error:\n                raise\n            return cur"
            "sor.rowcount"
        ),
        (
            (
                "tests/test_storage.py::test_a_write_to_a_full_disk_is_the_database_unavailable"
                "_and_works_once_freed"
            ),
        ),
    ),
    Mutant(
        "vocabulary: a bare faq counts as a word again",
        "knowledge/data/vocabulary.yaml",
        "  faq faqs\n",
        "",
        ("tests/test_matcher.py::test_a_bare_faq_is_not_the_irs_faq",),
    ),
    Mutant(
        (
            "a PostgreSQL server that accepts no writes (read-only, a standby) under a runn"
            "ing bot is the driver's error, a traceback each retry pass"
        ),
        "bot/storage/postgres.py",
        "    if isinstance(exc, asyncpg.ReadOnlySQLTransactionError):  # 25006\n",
        "    if False:  # 25006\n",
        (
            (
                "tests/test_storage.py::test_a_postgres_server_that_accepts_no_writes_is_unavai"
                "lable_till_it_does"
            ),
            (
                "tests/test_processes_e2e.py::test_a_database_turned_read_only_is_one_warning_a"
                "nd_loses_no_owed_reply"
            ),
        ),
    ),
    Mutant(
        "a FAQ reload not announced in a database outage is an ERROR with the driver's traceback",
        "bot/app.py",
        (
            '                log_store_failure(log, exc, "could not tell the other processe'
            's about the reload")\n'
        ),
        '                log.exception("could not tell the other processes about the reload")\n',
        (
            (
                "tests/test_processes_e2e.py::test_a_reload_not_announced_while_the_database_is"
                "_down_is_one_warning"
            ),
        ),
    ),
    Mutant(
        "a PostgreSQL server's full disk at start is said in the driver's bare words",
        "bot/storage/postgres.py",
        "        said = server_refusal(exc) or str(exc) or self._unanswered(exc)\n",
        "        said = str(exc) or self._unanswered(exc)\n",
        (
            (
                "tests/test_storage.py::test_a_postgres_server_whose_disk_is_full_at_start_says"
                "_so_to_be_retried"
            ),
            (
                "tests/test_startup_failures.py::test_a_postgres_server_out_of_connections_at_s"
                "tart_is_one_error_line_exit_1"
            ),
        ),
    ),
    Mutant(
        "/schedule's working says 'settle 1 day(s) later'",
        "calculators/schedule.py",
        "            f\"{counted(inp.lag_days, 'day')} later \"",
        '            f"{inp.lag_days} day(s) later "',
        ("tests/test_calc_schedule.py::test_the_steps_count_in_words",),
    ),
    Mutant(
        "/schedule's working says '1 of the 2 conversions come ... move $0.00'",
        "calculators/schedule.py",
        '("comes", "moves", "it is") if idle == 1 else',
        '("come", "move", "they are") if idle == 1 else',
        ("tests/test_calc_schedule.py::test_the_steps_count_in_words",),
    ),
    Mutant(
        (
            "counted() says '1 days' and 'over 1 paychecks' (replaces the mutant 'the sched"
            "ule chart's alt text says over 1 paychecks', whose code moved from calculators"
            "/chart.py to calculators/money.py)"
        ),
        "calculators/money.py",
        "    return f\"{n} {word if n == 1 else plural or word + 's'}\"",
        "    return f\"{n} {plural or word + 's'}\"",
        (
            "tests/test_bot_e2e.py::test_the_schedule_charts_alt_text_counts_in_words",
            "tests/test_calc_schedule.py::test_the_steps_count_in_words",
        ),
    ),
    Mutant(
        "a refused calculator input uses up the member's calc_per_minute allowance",
        "bot/cogs/calculators.py",
        "            self.windows.get(interaction.user.id).give_back()",
        "            pass",
        (
            (
                "tests/test_limits_e2e.py::test_a_refused_calculator_input_uses_up_none_of_the_"
                "allowance"
            ),
        ),
    ),
    Mutant(
        "a calculator refusal's example is no command mention",
        "bot/cogs/errors.py",
        (
            "            text = mention_commands(\n                str(original), await comm"
            "and_ids_quickly(self.bot, interaction.guild)\n            )\n"
        ),
        "            text = str(original)\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_calculator_refusal_gives_its_example_as_a_comman"
                "d_to_tap"
            ),
        ),
    ),
    Mutant(
        "a calculator refusal's example is plain text, not code",
        "bot/cogs/calculators.py",
        "Example: `{CALCULATORS[name].named_example}`",
        "Example: {CALCULATORS[name].named_example}",
        (
            (
                "tests/test_bot_e2e.py::test_a_calculator_refusal_gives_its_example_as_a_comman"
                "d_to_tap"
            ),
        ),
    ),
    Mutant(
        "'rollover-bot ask \"/faq pro-rata\"' is matched with the command word",
        "bot/cli/ask.py",
        "    asked = without_command(question)\n",
        "    asked = question\n",
        (
            (
                "tests/test_cli_ask.py::test_an_asking_command_typed_as_the_question_asks_the_w"
                "ords_after_it"
            ),
        ),
    ),
    Mutant(
        "the console's '/faq pro-rata' takes ids only, not a topic",
        "bot/console.py",
        "        if entry_id is None and (entry_id := self.kb.topic(typed)) is not None:",
        "        if False:",
        (
            "tests/test_console.py::test_faq_takes_a_topic_as_discord_does",
            "tests/test_console.py::test_faq_lookup_and_unknown_id",
        ),
    ),
    Mutant(
        (
            "a copied option name after /faq is matched with the words (moved: was bot/repl"
            "ies.py, now bot/small_talk.py)"
        ),
        "bot/small_talk.py",
        "    return words[m.end() :] if (m := _ASKING_OPTION.match(words)) else words",
        "    return words",
        (
            "tests/test_bot_e2e.py::test_faq_or_ask_typed_as_a_question_asks_the_words_after_it",
            (
                "tests/test_cli_ask.py::test_an_asking_command_typed_as_the_question_asks_the_w"
                "ords_after_it"
            ),
        ),
    ),
    Mutant(
        "a follow-up replying to the bot's answer gets silence",
        "bot/cogs/answers.py",
        (
            "        if me is not None and self._to_me(message, me) and self._watched_chann"
            "el(message.channel):"
        ),
        (
            "        if me is not None and mentions_me(message, me) and self._watched_chann"
            "el(message.channel):"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_replying_to_the_bots_answer_is_answere"
                "d_as_a_mention_is"
            ),
        ),
    ),
    Mutant(
        "a follow-up replying to the bot while it was down is not caught up",
        CATCH_UP,
        "                and self._to_me(message, me)\n",
        "                and mentions_me(message, me)\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_follow_up_replying_to_the_bot_while_it_was_do"
                "wn_is_answered_at_start"
            ),
        ),
    ),
    Mutant(
        "a 'thanks!' replying to the bot's answer gets 'You're welcome'",
        MENTIONS,
        (
            "            if (not question or small_talk(question)) and not (me and mentions"
            "_me(message, me)):"
        ),
        "            if not question and not (me and mentions_me(message, me)):",
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_replying_to_the_bots_answer_is_answere"
                "d_as_a_mention_is"
            ),
            (
                "tests/test_faults_e2e.py::test_a_follow_up_replying_to_the_bot_while_it_was_do"
                "wn_is_answered_at_start"
            ),
        ),
    ),
    Mutant(
        "a reply to any member's message is asked of the bot",
        MENTIONS,
        "    return isinstance(replied, discord.Message) and replied.author.id == me.id",
        "    return isinstance(replied, discord.Message)",
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_replying_to_the_bots_answer_is_answere"
                "d_as_a_mention_is"
            ),
        ),
    ),
    Mutant(
        (
            "answers a message that does not mention the bot (replaces the mutant of that n"
            "ame: its line now reads self._to_me)"
        ),
        "bot/cogs/answers.py",
        "me is not None and self._to_me(message, me) and self._watched_channel",
        "me is not None and self._watched_channel",
        ("tests/test_bot_e2e.py::test_messages_without_a_mention_are_ignored",),
    ),
    Mutant(
        (
            "a same-day settlement is said as a 0-day lag (replaces the mutant of that name"
            ": a line was added under its 'if')"
        ),
        "calculators/schedule.py",
        '    if inp.lag_days:\n        settle = "settles" if n == 1 else "settle"\n',
        '    if True:\n        settle = "settles" if n == 1 else "settle"\n',
        ("tests/test_calc_schedule.py::test_the_steps_say_what_a_same_day_settlement_means",),
    ),
    Mutant(
        "the console's '/faq topic: pro-rata' reads 'topic:' as words",
        "bot/console.py",
        "            return self._faq(without_command(text).strip())",
        "            return self._faq(rest.strip())",
        ("tests/test_console.py::test_faq_takes_a_topic_as_discord_does",),
    ),
    Mutant(
        "a moderator's reply to the bot's moderator log is answered as a question",
        MENTIONS,
        "and not self._in_mod_log(message) and not to_others",
        "and not to_others",
        ("tests/test_bot_e2e.py::test_a_reply_to_the_bots_moderator_log_is_no_question",),
    ),
    Mutant(
        "a reply sent from the retry queue is not said in the log",
        "bot/cogs/answers.py",
        "        if delivery.sent:\n            _say_sent_late(owed)\n",
        "",
        ("tests/test_faults_e2e.py::test_a_reply_sent_from_the_retry_queue_is_said_in_the_log",),
    ),
    Mutant(
        "a post's answer sent from the retry queue counts as nothing sent",
        "bot/cogs/answers.py",
        "        return SENT\n\n    def _say_cap_reached",
        "        return DONE\n\n    def _say_cap_reached",
        (
            (
                "tests/test_faults_e2e.py::test_a_reply_sent_from_the_retry_queue_is_said_in_th"
                "e_log[post]"
            ),
        ),
    ),
    Mutant(
        "a mention's answer sent from the retry queue counts as nothing sent",
        MENTIONS,
        "asker_id=target.author.id\n        )\n        return SENT\n",
        "asker_id=target.author.id\n        )\n        return DONE\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_reply_sent_from_the_retry_queue_is_said_in_th"
                "e_log[mention]"
            ),
        ),
    ),
    Mutant(
        "a post the forum cap held back is said at INFO when sent from the queue",
        "bot/cogs/answers.py",
        "        logging.DEBUG if owed.last_error == HELD_BACK else logging.INFO,",
        "        logging.INFO,",
        (
            (
                "tests/test_limits_e2e.py::test_posts_over_the_forum_cap_wait_in_the_queue_unti"
                "l_it_opens"
            ),
        ),
    ),
    Mutant(
        "FAQ backups are never pruned",
        "knowledge/editing.py",
        "        if backup is not None:\n            prune_backups(folder, entry_id, kept)\n",
        "",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_keep_a_bounded_number_of_backups_of_e"
                "ach_entry_the_newest_first"
            ),
        ),
    ),
    Mutant(
        "FAQ backups pruned keep the oldest, not the newest",
        "knowledge/editing.py",
        "    for name in found[: -max(kept, 1)]:",
        "    for name in found[max(kept, 1) :]:",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_keep_a_bounded_number_of_backups_of_e"
                "ach_entry_the_newest_first"
            ),
        ),
    ),
    Mutant(
        "FAQ backups pruned across all entries and stray files",
        "knowledge/editing.py",
        "        if stamped.fullmatch(p.name)\n",
        "        if True\n",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_keep_a_bounded_number_of_backups_of_e"
                "ach_entry_the_newest_first"
            ),
        ),
    ),
    Mutant(
        "the faq_backups setting is not passed to the save",
        "bot/cogs/faq_admin.py",
        "await asyncio.to_thread(save_entry, folder, entry_id, text, seen, kept=kept)",
        "await asyncio.to_thread(save_entry, folder, entry_id, text, seen)",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_keep_a_bounded_number_of_backups_of_e"
                "ach_entry_the_newest_first"
            ),
        ),
    ),
    Mutant(
        "PostgreSQL closing waits the query timeout for the pool at a stop",
        "bot/storage/postgres.py",
        "        await asyncio.wait_for(pool.close(), CLOSE_TIMEOUT)",
        "        await asyncio.wait_for(pool.close(), QUERY_TIMEOUT * 6)",
        (
            (
                "tests/test_storage.py::test_postgres_closing_on_connections_gone_silent_ends_w"
                "ithin_a_docker_stop"
            ),
        ),
    ),
    Mutant(
        "PostgreSQL closing waits the query timeout for the listener at a stop",
        "bot/storage/postgres.py",
        "        await listener.close(timeout=CLOSE_TIMEOUT)  # (dropped when it runs out)",
        "        await listener.close(timeout=QUERY_TIMEOUT * 6)  # (dropped when it runs out)",
        (
            (
                "tests/test_storage.py::test_postgres_closing_on_connections_gone_silent_ends_w"
                "ithin_a_docker_stop"
            ),
        ),
    ),
    Mutant(
        "PostgreSQL closes its two connections one after the other at a stop",
        "bot/storage/postgres.py",
        "        await asyncio.gather(*closing)\n",
        (
            "        for each in closing:\n            await asyncio.wait_for(each, None)\n  "
            "          await asyncio.sleep(CLOSE_TIMEOUT * 3)\n"
        ),
        (
            (
                "tests/test_storage.py::test_postgres_closing_on_connections_gone_silent_ends_w"
                "ithin_a_docker_stop"
            ),
        ),
    ),
    Mutant(
        "a folder of examples moved into 'examples' brings no reload",
        "bot/cogs/faq_watch.py",
        "            return _folder_in(examples_dir(folder), file)\n",
        "            return False\n",
        (
            (
                "tests/test_moderation_e2e.py::test_watcher_tells_of_a_folder_of_examples_put_i"
                "nside_examples"
            ),
        ),
    ),
    Mutant(
        "only a folder moved in directly under the FAQ folder counts",
        "bot/cogs/faq_watch.py",
        "    return examples in path.parents and visible(path) and path.is_dir()",
        "    return examples.parent == path.parent and visible(path) and path.is_dir()",
        (
            (
                "tests/test_moderation_e2e.py::test_watcher_tells_of_a_folder_of_examples_put_i"
                "nside_examples"
            ),
        ),
    ),
    Mutant(
        "a stop does not wait for a post being claimed",
        "bot/cogs/answers.py",
        "        with self.bot.replying():\n            # A change seen while the store's claim",
        "        if True:\n            # A change seen while the store's claim",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_waits_for_a_post_whose_claim_the_databas"
                "e_holds_up_and_answers_it"
            ),
        ),
    ),
    Mutant(
        "a stop does not wait for a mention being claimed",
        MENTIONS,
        (
            "        with self.bot.replying():  # (from its claim on, as a post's: a stop w"
            "aits for it)\n"
        ),
        "        if True:\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_waits_for_a_post_whose_claim_the_databas"
                "e_holds_up_and_answers_it[mention]"
            ),
        ),
    ),
    Mutant(
        "a reply the retry finds sent already is not said in the log",
        "bot/cogs/answers.py",
        (
            '        log.info(\n            "reply to message %s found sent already (%s): no'
            't sent again", question.id, found.id\n        )\n'
        ),
        "",
        ("tests/test_faults_e2e.py::test_a_lost_response_is_not_answered_twice",),
    ),
    Mutant(
        "answers a forum post twice after a RESUME replay",
        "bot/cogs/answers.py",
        (
            "        if self.bot.stopping or not self.posts.claim(thread.id):\n            r"
            "eturn  # (stopping: the next start's catch-up answers it)\n        # A reply in"
            " progress from its claim on: a stop waits for it too (a claim the\n        # da"
            "tabase held up was cut off by the closing connection to Discord, its answer an"
            "\n        # ERROR). Being sent only once claimed: a retry of it (restarted, the"
            " catch-up\n        # finding it again) is not put off by a claim refused.\n     "
            "   with self.bot.replying():\n            # A change seen while the store's cla"
            "im is awaited is noted as one seen while\n            # the reply is sent: the "
            "reply reads the opening message as it came, which an\n            # edit does n"
            "ot change when it was fetched rather than cached.\n            self._claiming.a"
            "dd(starter.id)\n            try:\n                claimed = await self._claimed("
            'thread.id, owed, "forum post", thread.id)\n'
        ),
        (
            "        if self.bot.stopping:\n            return\n        self.posts.claim(thre"
            "ad.id)\n        # A reply in progress from its claim on: a stop waits for it to"
            "o (a claim the\n        # database held up was cut off by the closing connectio"
            "n to Discord, its answer an\n        # ERROR). Being sent only once claimed: a "
            "retry of it (restarted, the catch-up\n        # finding it again) is not put of"
            "f by a claim refused.\n        with self.bot.replying():\n            # A change"
            " seen while the store's claim is awaited is noted as one seen while\n          "
            "  # the reply is sent: the reply reads the opening message as it came, which a"
            "n\n            # edit does not change when it was fetched rather than cached.\n "
            "           self._claiming.add(starter.id)\n            try:\n                cla"
            'imed = await self._claimed(thread.id, owed, "forum post", thread.id) or True\n'
        ),
        (
            "tests/test_faults_e2e.py",
            (
                "tests/test_processes_e2e.py::test_two_processes_given_the_same_events_answer_e"
                "ach_post_once"
            ),
        ),
    ),
    Mutant(
        "a post answered whose answered tag Discord failed stays untagged for good",
        "bot/cogs/answers.py",
        "            return Delivery(False, None, TAG_FAILED, sent=True)",
        "            return SENT",
        (
            (
                "tests/test_faults_e2e.py::test_an_answered_post_whose_tag_discord_failed_is_ta"
                "gged_by_the_retry"
            ),
        ),
    ),
    Mutant(
        (
            "an entry saved as new-entry.MD (or an examples file as .yml) brings no reload,"
            " so the moderator log never tells that it is not read"
        ),
        "bot/cogs/faq_watch.py",
        "            if told_of(file, folder) or file == folder or file == examples_dir(folder):\n",
        (
            '            if (file.suffix == ".md" and file.parent == folder) or (file.suffi'
            'x == ".yaml" and file.parent.name == "examples") or file == folder or file == '
            "examples_dir(folder):\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_watcher_tells_of_an_entry_saved_under_a_nam"
                "e_no_load_reads"
            ),
        ),
    ),
    Mutant(
        "a question edited into a bare mention is answered again by an edit after another restart",
        MENTIONS,
        (
            "            key = edited_in(message.id) if here else message.id if claim is No"
            'ne else claim\n            if not await self._claimed(key, owed, "mention", mes'
            "sage.id):\n"
        ),
        (
            "            key = message.id if claim is None else claim\n            if not he"
            're and not await self._claimed(key, owed, "mention", message.id):\n'
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_"
                "after_a_restart"
            ),
        ),
    ),
    Mutant(
        "a stop while PostgreSQL is out of reach without a word hangs on the listening connection",
        "bot/storage/postgres.py",
        "        await listener.close(timeout=CLOSE_TIMEOUT)  # (dropped when it runs out)\n",
        "        await listener.close()\n",
        (
            (
                "tests/test_storage.py::test_postgres_closing_on_connections_gone_silent_does_n"
                "ot_wait_for_ever"
            ),
        ),
    ),
    Mutant(
        (
            "a stop while PostgreSQL is out of reach without a word fails with a TimeoutErr"
            "or from closing the pool"
        ),
        "bot/storage/postgres.py",
        (
            "    try:\n        await asyncio.wait_for(pool.close(), CLOSE_TIMEOUT)\n    excep"
            "t TimeoutError:  # (its connections' closing failed so, out of the stop)\n     "
            "   pool.terminate()\n"
        ),
        "    await pool.close()\n",
        (
            (
                "tests/test_storage.py::test_postgres_closing_on_connections_gone_silent_does_n"
                "ot_wait_for_ever"
            ),
        ),
    ),
    Mutant(
        (
            "An examples folder renamed or linked into place brings no reload: the bot keep"
            "s answering with the examples it had"
        ),
        "bot/cogs/faq_watch.py",
        " or file == examples_dir(folder):\n",
        ":\n",
        (
            (
                "tests/test_moderation_e2e.py::test_watcher_reloads_when_the_examples_folder_is"
                "_swapped_by_renaming"
            ),
        ),
    ),
    Mutant(
        "an old message edited to mention the bot is answered",
        "bot/cogs/answers.py",
        (
            "            or (before is not None and mentions_me(before, me))  # (not added "
            "by this edit)\n            or not edited_in_time(message)\n"
        ),
        (
            "            or (before is not None and mentions_me(before, me))  # (not added "
            "by this edit)\n"
        ),
        ("tests/test_bot_e2e.py::test_an_edit_after_the_window_is_not_taken_as_asking",),
    ),
    Mutant(
        "/faq-admin forget says '1 question(s) and message(s) ... 3 vote(s)' again",
        "bot/cogs/faq_admin.py",
        (
            '        f"Deleted what the bot kept of **{name}**: {kept_texts(texts)} pointed'
            " at entries, \"\n        f\"and {counted(votes, 'vote')}; where they pointed a me"
            'ssage at an entry "\n'
        ),
        (
            '        f"Deleted what the bot kept of **{name}**: {texts} question(s) and mes'
            'sage(s) "\n        f"pointed at entries, and {votes} vote(s); where they pointe'
            'd a message at an entry "\n'
        ),
        (
            "tests/test_bot_e2e.py::test_a_moderator_can_forget_a_member_who_asks_to_be_forgotten",
            (
                "tests/test_bot_e2e.py::test_forget_asks_first_and_only_the_moderator_who_asked"
                "_answers"
            ),
        ),
    ),
    Mutant(
        "/faq's list of a one-entry FAQ says '1 entries' again",
        "bot/cogs/ask.py",
        '    listed = counted(len(titles), "entry", "entries")\n',
        '    listed = f"{len(titles)} entries"\n',
        ("tests/test_bot_e2e.py::test_the_faq_list_of_a_one_entry_faq_counts_one_entry",),
    ),
    Mutant(
        (
            "the console's (and /faq's) close entries list those scoring 0 again: a small F"
            "AQ's every entry"
        ),
        "knowledge/base.py",
        "        return [hit for hit in hits if hit.score >= CLOSE_FLOOR]\n",
        "        return hits\n",
        (
            "tests/test_console.py::test_faq_names_as_close_only_what_discords_faq_does",
            (
                "tests/test_bot_e2e.py::test_faq_names_as_closest_only_entries_that_hold_someth"
                "ing_typed"
            ),
        ),
    ),
    Mutant(
        "the start's log line says 'connected as ... to 1 guild(s)' again",
        "bot/app.py",
        (
            '        log.info("connected as %s to %s", self.user, counted(len(self.guilds),'
            ' "guild"))\n'
        ),
        '        log.info("connected as %s to %d guild(s)", self.user, len(self.guilds))\n',
        ("tests/test_bot_e2e.py::test_the_start_counts_the_guilds_as_an_operator_reads_them",),
    ),
    Mutant(
        "the moderator log says a refused reply is tried again 'for up to 1 hours' again",
        "bot/mod_log.py",
        (
            '    return counted(minutes // 60, "hour") if minutes % 60 == 0 else counted(mi'
            'nutes, "minute")\n'
        ),
        '    return f"{hours:g} hours"\n',
        (
            (
                "tests/test_faults_e2e.py::test_a_reply_refused_for_permissions_is_told_to_the_"
                "mod_log_once_and_sent_once_allowed"
            ),
            "tests/test_mod_log.py::test_counts_in_the_log_read_as_written",
        ),
    ),
    Mutant(
        "a reply given up at its first try is said 'after 1 tries' again",
        "bot/mod_log.py",
        '    return counted(n, "try", "tries")\n',
        '    return f"{n} tries"\n',
        (
            "tests/test_faults_e2e.py::test_a_reply_given_up_at_its_first_try_is_counted_in_words",
            "tests/test_mod_log.py::test_counts_in_the_log_read_as_written",
        ),
    ),
    Mutant(
        (
            "the storage layer's counts say '(s)' again: 'purged 2 stored question(s)', 'ho"
            "lds 1 vote(s)', 'older than 1 day(s)'"
        ),
        "bot/storage/base.py",
        "    return f\"{n} {word}{'' if n == 1 else 's'}\"\n",
        '    return f"{n} {word}(s)"\n',
        (
            "tests/test_storage.py::test_the_daily_purge_is_one_line_in_the_log[sqlite]",
            "tests/test_storage.py::test_a_vote_key_lost_after_votes_were_cast_is_said_loudly",
            (
                "tests/test_storage.py::test_a_purge_of_one_question_a_day_old_is_counted_in_wo"
                "rds[sqlite]"
            ),
        ),
    ),
    Mutant(
        "the lost vote key's warning says 'holds 1 vote(s)' again",
        "bot/storage/sqlite.py",
        '                    counted(cast, "vote"),\n',
        '                    f"{cast} vote(s)",\n',
        ("tests/test_storage.py::test_a_vote_key_lost_after_votes_were_cast_is_said_loudly",),
    ),
    Mutant(
        "the purge's log line says 'older than 1 days' again (sqlite)",
        "bot/storage/sqlite.py",
        '                counted(older_than_days, "day"),\n',
        '                f"{older_than_days} days",\n',
        (
            (
                "tests/test_storage.py::test_a_purge_of_one_question_a_day_old_is_counted_in_wo"
                "rds[sqlite]"
            ),
        ),
    ),
    Mutant(
        "the purge's log line says 'older than 1 days' again (postgres)",
        "bot/storage/postgres.py",
        '                counted(older_than_days, "day"),\n',
        '                f"{older_than_days} days",\n',
        (
            (
                "tests/test_storage.py::test_a_purge_of_one_question_a_day_old_is_counted_in_wo"
                "rds[postgres]"
            ),
        ),
    ),
    Mutant(
        "a reply to the bot edited from 'thanks!' into a question gets silence again",
        "bot/cogs/answers.py",
        (
            "        if me is not None and await self._reply_edited_to_ask(message, me, bef"
            "ore):\n            return\n"
        ),
        "",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_from_thanks_into_a_quest"
                "ion_is_answered_once"
            ),
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_into_a_question_after_a_"
                "restart_is_answered_once"
            ),
        ),
    ),
    Mutant(
        "a reply to the bot edited to name another member ('@Alex ...') is answered by the bot",
        MENTIONS,
        "        if self._asks_another(message, me) or await self._asks_nothing(message):\n",
        "        if await self._asks_nothing(message):\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_from_thanks_into_a_quest"
                "ion_is_answered_once"
            ),
        ),
    ),
    Mutant(
        (
            "after a restart, a reply to the bot edited from 'thanks!' into a question gets"
            " silence again"
        ),
        MENTIONS,
        (
            "        elif not (replies_to_me(message, me) and self._to_me(message, me)):\n  "
            "          return False\n"
        ),
        "        else:\n            return False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_into_a_question_after_a_"
                "restart_is_answered_once"
            ),
        ),
    ),
    Mutant(
        (
            "after a restart, a reply to the bot whose answer the member took back (Not wha"
            "t I asked), edited, is answered again"
        ),
        MENTIONS,
        "        return not await self._rejected(message.id)\n",
        "        return True\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_into_a_question_after_a_"
                "restart_is_answered_once"
            ),
        ),
    ),
    Mutant(
        "'faq show' names every entry of a small FAQ as close again, each scoring 0",
        "bot/cli/faq.py",
        (
            '        close = ", ".join(h.id for h in kb.close_topics(args.entry_id))  # (as'
            " Discord's)\n"
        ),
        (
            '        close = ", ".join(h.id for h in kb.matcher.autocomplete(args.entry_id,'
            " limit=3))\n"
        ),
        (
            (
                "tests/test_cli_ask.py::test_faq_show_names_as_close_only_entries_that_hold_som"
                "ething_typed"
            ),
        ),
    ),
    Mutant(
        "a question edited into a bare mention after a restart gets silence",
        MENTIONS,
        "        return read and found is not None and found.content in PROMPTS\n",
        "        return False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_"
                "after_a_restart"
            ),
        ),
    ),
    Mutant(
        "a mention answered before a restart is answered again when edited after it",
        MENTIONS,
        "        return read and found is not None and found.content in PROMPTS\n",
        "        return read and found is not None\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_question_edited_into_a_bare_mention_is_answered_"
                "after_a_restart"
            ),
        ),
    ),
    Mutant(
        "after a restart, a reply to the bot answered before it and edited is answered again",
        MENTIONS,
        "        if not read or found is not None:\n            return False\n",
        "        if not read:\n            return False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_into_a_question_after_a_"
                "restart_is_answered_once"
            ),
        ),
    ),
    Mutant(
        (
            "a PostgreSQL server refusing under a running bot (read-only, out of connection"
            "s) is told to moderators as 'cannot reach its database'"
        ),
        "bot/storage/postgres.py",
        "                raise DatabaseUnavailable(said, problem=server_problem(exc)) from exc\n",
        "                raise DatabaseUnavailable(said) from exc\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_read_only_database_says_what"
                "_is_wrong_not_cannot_reach"
            ),
            (
                "tests/test_moderation_e2e.py::test_a_report_on_a_server_out_of_connections_say"
                "s_so_not_cannot_reach"
            ),
        ),
    ),
    Mutant(
        (
            "a review decision the database refuses (read-only, locked) says 'cannot reach "
            "its database, try again in a few minutes'"
        ),
        "bot/review.py",
        '    return Undecided(database_away(exc, ", so nothing was decided"))\n',
        "    return UNREACHABLE\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_read_only_database_says_what"
                "_is_wrong_not_cannot_reach"
            ),
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_sqlite_file_another_program_"
                "locks_says_so"
            ),
        ),
    ),
    Mutant(
        (
            "a moderator's command the database refuses (out of connections) says 'cannot r"
            "each its database, try again in a few minutes'"
        ),
        "bot/cogs/errors.py",
        "            text = database_away(original)\n",
        (
            '            text = "The bot cannot reach its database just now; please try aga'
            'in in a few minutes."\n'
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_report_on_a_server_out_of_connections_say"
                "s_so_not_cannot_reach"
            ),
        ),
    ),
    Mutant(
        (
            "a PostgreSQL server's full disk, out of memory or out of connections under a r"
            "unning bot is the driver's error, a traceback each retry pass"
        ),
        "bot/storage/postgres.py",
        (
            "            if (passing := server_refusal(exc)) is not None:\n                s"
            "aid = without_password(passing, self.url)\n                raise DatabaseUnavai"
            "lable(said, problem=server_problem(exc)) from exc\n"
        ),
        "",
        (
            (
                "tests/test_storage.py::test_a_postgres_server_whose_disk_fills_is_the_database"
                "_unavailable_till_freed"
            ),
            (
                "tests/test_storage.py::test_a_postgres_server_out_of_connections_under_a_runni"
                "ng_bot_is_unavailable"
            ),
            (
                "tests/test_storage.py::test_a_postgres_server_out_of_memory_is_unavailable_wit"
                "h_its_hint"
            ),
            (
                "tests/test_processes_e2e.py::test_a_post_while_the_database_servers_disk_is_fu"
                "ll_is_a_line_per_record_lost"
            ),
        ),
    ),
    Mutant(
        (
            "a /faq-admin forget confirmed while the database is down says 'something went "
            "wrong', an ERROR with the driver's traceback"
        ),
        "bot/confirm.py",
        "            said = await self._said()\n",
        "            said = await self._act()\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_forget_confirmed_while_the_database_is_do"
                "wn_says_so_in_one_line"
            ),
        ),
    ),
    Mutant(
        (
            "a reply to the bot naming someone else, edited to drop the name (asking the bo"
            "t), gets silence"
        ),
        MENTIONS,
        (
            "        if self._asks_another(message, me):\n"
            "            return replies_to_me(message, me) and not self._in_mod_log(message)\n"
        ),
        "        if self._asks_another(message, me):\n            return False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_naming_someone_edited_to_ask_th"
                "e_bot_is_answered_once"
            ),
        ),
    ),
    Mutant(
        (
            "a reply to the bot that asked a question as sent, edited (a typo fixed), is an"
            "swered a second time"
        ),
        MENTIONS,
        "        return self._to_me(message, me) and await self._asks_nothing(message)\n",
        "        return self._to_me(message, me)\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_to_the_bot_edited_from_thanks_into_a_quest"
                "ion_is_answered_once"
            ),
        ),
    ),
    Mutant(
        (
            "a mention of the bot inside code (`@Rollover Bot ...`, a fenced block) is answ"
            "ered as asked of it"
        ),
        MENTIONS,
        '    text = _CODE.sub(" ", message.content)\n',
        "    text = message.content\n",
        ("tests/test_bot_e2e.py::test_a_mention_inside_code_asks_nothing",),
    ),
    Mutant(
        "takes a reply's ping for a mention",
        MENTIONS,
        "    if me.id in users:\n",
        "    if me in message.mentions:\n",
        ("tests/test_bot_e2e.py::test_a_reply_to_the_bot_is_not_a_mention_but_its_role_is",),
    ),
    Mutant(
        "a reply to the bot's answer naming another member is answered by the bot",
        MENTIONS,
        "        to_others = any(named_outside_code(message))\n",
        "        to_others = False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_replying_to_the_bots_answer_is_answere"
                "d_as_a_mention_is"
            ),
        ),
    ),
    Mutant(
        (
            "a post renamed while the bot was down is not rechecked at start (Discord's 'ch"
            "anged the post title' line not read)"
        ),
        "bot/edited_posts.py",
        "    return any(m.id > answer.id for m in renames)\n",
        "    return False\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_or_renamed_while_the_bot_was_down_is"
                "_rechecked_at_start"
            ),
        ),
    ),
    Mutant(
        "a post edited to ask something else keeps its answer unmarked",
        "bot/edited_posts.py",
        "    if starter.edited_at is not None and starter.edited_at > answer.created_at:\n",
        "    if False:\n",
        (
            "tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",
            (
                "tests/test_bot_e2e.py::test_a_post_not_edited_keeps_its_answer_unmarked_when_t"
                "he_faq_changed_meanwhile"
            ),
        ),
    ),
    Mutant(
        (
            "the retry queue says it 'cannot reach the database' for a server that answers "
            "and refuses writes (read-only, a full disk)"
        ),
        "bot/cogs/retries.py",
        (
            '                    "the retry queue cannot use the database (%s); owed replie'
            's are tried "\n'
        ),
        (
            '                    "the retry queue cannot reach the database (%s); owed repl'
            'ies are tried "\n'
        ),
        (
            (
                "tests/test_processes_e2e.py::test_a_database_turned_read_only_is_one_warning_a"
                "nd_loses_no_owed_reply"
            ),
        ),
    ),
    Mutant(
        (
            "a review pick while the FAQ folder is gone says 'There is no entry' of an entr"
            "y the moderator sees"
        ),
        "knowledge/editing.py",
        '    refuse_a_missing_folder(folder)  # (before "There is no entry", which it is not)\n',
        "",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_and_decisions_while_the_faq_folder_is"
                "_gone_say_so"
            ),
        ),
    ),
    Mutant(
        (
            "an edit form saved (or Off-topic decided) while the FAQ folder is gone says 's"
            "aving failed: No such file or directory (.backups)'"
        ),
        "knowledge/editing.py",
        "    refuse_a_missing_folder(folder)\n    with _EDITING:\n",
        "    with _EDITING:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_and_decisions_while_the_faq_folder_is"
                "_gone_say_so"
            ),
        ),
    ),
    Mutant(
        (
            "/faq-admin edit while the FAQ folder is gone says 'There is no entry ...; use "
            "/faq-admin new'"
        ),
        "bot/cogs/faq_admin.py",
        '        refuse_a_missing_folder(self.bot.faq_dir)  # (no "There is no entry": there is)\n',
        "",
        (
            (
                "tests/test_moderation_e2e.py::test_edits_and_decisions_while_the_faq_folder_is"
                "_gone_say_so"
            ),
        ),
    ),
    Mutant(
        (
            "a reply in the moderator log naming a colleague, edited to drop the name, is a"
            "nswered by the bot"
        ),
        MENTIONS,
        "            return replies_to_me(message, me) and not self._in_mod_log(message)\n",
        "            return replies_to_me(message, me)\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_reply_in_the_moderator_log_edited_to_drop_a_name"
                "_is_still_no_question"
            ),
        ),
    ),
    Mutant(
        "vote-again-leaves-the-unkeyed-vote",
        "bot/views.py",
        "entry_id, ANY_ANSWER, hash_user(user_id, bot.vote_key), helpful, unkeyed_hash(user_id)",
        "entry_id, ANY_ANSWER, hash_user(user_id, bot.vote_key), helpful",
        (
            (
                "tests/test_bot_e2e.py::test_a_vote_kept_from_before_vote_keys_is_replaced_when"
                "_the_member_votes_again"
            ),
        ),
    ),
    Mutant(
        "sqlite-unkeyed-vote-deleted-not-taken-over",
        "bot/storage/sqlite.py",
        "            await db.execute(*_plain_placeholders(TAKE_OVER_UNKEYED_VOTE, old))\n",
        "",
        (
            (
                "tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_key"
                "s[sqlite]"
            ),
        ),
    ),
    Mutant(
        "sqlite-unkeyed-vote-beside-a-keyed-one-stays",
        "bot/storage/sqlite.py",
        "            await db.execute(*_plain_placeholders(UNKEYED_VOTE_GONE, old[1:]))\n",
        "",
        (
            (
                "tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_key"
                "s[sqlite]"
            ),
        ),
    ),
    Mutant(
        "postgres-unkeyed-vote-deleted-not-taken-over",
        "bot/storage/postgres.py",
        "                await db.execute(TAKE_OVER_UNKEYED_VOTE, *old)\n",
        "",
        (
            (
                "tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_key"
                "s[postgres]"
            ),
        ),
    ),
    Mutant(
        "postgres-unkeyed-vote-beside-a-keyed-one-stays",
        "bot/storage/postgres.py",
        "                await db.execute(UNKEYED_VOTE_GONE, *old[1:])\n",
        "",
        (
            (
                "tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_key"
                "s[postgres]"
            ),
        ),
    ),
    Mutant(
        "memory-unkeyed-vote-stays",
        "bot/storage/memory.py",
        "cast, when = self.votes.pop(old), self.voted_at.pop(old, utc_now())",
        "cast, when = self.votes[old], self.voted_at.get(old, utc_now())",
        (
            (
                "tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_key"
                "s[memory]"
            ),
        ),
    ),
    Mutant(
        "stop-leaves-cut-off-replies-leased",
        "bot/app.py",
        "            await self._owe_at_once(ended)\n",
        "",
        (
            (
                "tests/test_processes_e2e.py::test_a_reply_a_stop_cut_off_is_sent_at_once_after"
                "_the_restart"
            ),
        ),
    ),
    Mutant(
        "stop-reads-cut-off-replies-after-their-tasks-end",
        "bot/app.py",
        "            cut = dict(self._owed_in_progress)",
        "            cut = self._owed_in_progress",
        (
            (
                "tests/test_processes_e2e.py::test_a_reply_a_stop_cut_off_is_sent_at_once_after"
                "_the_restart"
            ),
        ),
    ),
    Mutant(
        "owed-reply-in-flight-not-named-to-the-stop",
        "bot/cogs/answers.py",
        "            with self.bot.replying((kind, message_id)):",
        "            with self.bot.replying():",
        (
            (
                "tests/test_processes_e2e.py::test_a_reply_a_stop_cut_off_is_sent_at_once_after"
                "_the_restart"
            ),
        ),
    ),
    Mutant(
        "stop-does-not-hurry-the-store",
        "bot/app.py",
        (
            "        self.store.hurry()  # (a write begun in the grace must not outlast it "
            "by seconds)\n"
        ),
        "",
        (
            (
                "tests/test_faults_e2e.py::test_a_reply_finishing_in_a_stop_waits_a_second_for_"
                "a_locked_database_not_five"
            ),
        ),
    ),
    Mutant(
        "after a restart, an edited follow-up whose answer was deleted by hand is answered again",
        MENTIONS,
        (
            '        if replied or any(o.kind == "mention" and o.message_id == message.id f'
            "or o in owed):\n"
        ),
        '        if any(o.kind == "mention" and o.message_id == message.id for o in owed):\n',
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_whose_answer_was_deleted_by_hand_is_no"
                "t_answered_again_for_an_edit"
            ),
        ),
    ),
    Mutant(
        "loses a vote",
        "bot/views.py",
        "            await record_vote(bot, self.entry_id, interaction.user.id, self.helpful)\n",
        (
            "            if False:\n                await record_vote(bot, self.entry_id, in"
            "teraction.user.id, self.helpful)\n"
        ),
        ("tests/test_bot_e2e.py::test_feedback_buttons_record_one_vote_per_user",),
    ),
    Mutant(
        "each private copy from the menu is another vote",
        "bot/views.py",
        "            await record_vote(bot, self.entry_id, interaction.user.id, self.helpful)\n",
        (
            "            await bot.store.record_vote(\n                self.entry_id,\n      "
            "          interaction.message.id if interaction.message else 0,\n              "
            "  hash_user(interaction.user.id, bot.vote_key),\n                self.helpful,\n"
            "            )\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_the_menus_private_answers_give_one_vote_and_keep_t"
                "he_ask_limit"
            ),
            (
                "tests/test_bot_e2e.py::test_a_members_votes_on_an_entry_count_once_whatever_an"
                "swer_they_vote_on"
            ),
        ),
    ),
    Mutant(
        "the same 'Not helpful' vote pressed again is news for the next digest (SQLite)",
        "bot/storage/sqlite.py",
        '" DO UPDATE SET helpful = excluded.helpful, voted_at = " + KEEP_SAME_VOTE_TIME\n',
        '" DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at"\n',
        (
            (
                "tests/test_storage.py::test_the_same_vote_pressed_again_is_not_news_for_the_ne"
                "xt_digest[sqlite]"
            ),
        ),
    ),
    Mutant(
        "the same 'Not helpful' vote pressed again is news for the next digest (PostgreSQL)",
        "bot/storage/postgres.py",
        '" DO UPDATE SET helpful = excluded.helpful, voted_at = " + KEEP_SAME_VOTE_TIME\n',
        '" DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at"\n',
        (
            (
                "tests/test_storage.py::test_the_same_vote_pressed_again_is_not_news_for_the_ne"
                "xt_digest[postgres]"
            ),
        ),
    ),
    Mutant(
        "after a restart, a follow-up still owed in the retry queue is answered by its edit too",
        MENTIONS,
        (
            '        if replied or any(o.kind == "mention" and o.message_id == message.id f'
            "or o in owed):\n"
        ),
        "        if replied:\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_follow_up_still_owed_and_edited_after_a_restart_"
                "is_left_to_the_queue"
            ),
        ),
    ),
    Mutant(
        (
            "a reply the retry queue is sending is not waited for by a stop (first tries ha"
            "ve their own wait since the claim fix)"
        ),
        "bot/cogs/answers.py",
        "            with self.bot.replying((kind, message_id)):\n                yield\n",
        "            yield\n",
        (
            "tests/test_processes_e2e.py::test_a_stop_lets_a_reply_being_finished_finish",
            "tests/test_processes_e2e.py::test_a_stop_lets_a_retried_reply_being_finished_finish",
        ),
    ),
    Mutant(
        "stop-makes-due-only-cut-off-replies-without-a-task",
        "bot/app.py",
        "            ended = {key for key, task in cut.items() if task is None or task.done()}",
        "            ended = {key for key, task in cut.items() if task is None}",
        (
            (
                "tests/test_processes_e2e.py::test_a_reply_a_stop_cut_off_is_sent_at_once_after"
                "_the_restart"
            ),
        ),
    ),
    Mutant(
        (
            "a reload with the FAQ folder gone tells the moderator log 'Fix these and save "
            "again' above 'path:0:' again"
        ),
        "bot/mod_log.py",
        "    if (gone := gone_folder(result.problems)) is not None:  # (no file to fix and save)\n",
        (
            "    if (gone := gone_folder(result.problems)) is not None and False:  # (no fi"
            "le to fix and save)\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_reload_with_the_faq_folder_gone_says_to_p"
                "ut_it_back"
            ),
        ),
    ),
    Mutant(
        (
            "/faq-admin reload with the FAQ folder gone lists 'path:0: FAQ folder does not "
            "exist' again"
        ),
        "bot/cogs/faq_admin.py",
        "    if (gone := gone_folder(result.problems)) is not None:  # (no file to fix)\n",
        (
            "    if (gone := gone_folder(result.problems)) is not None and False:  # (no fi"
            "le to fix)\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_reload_with_the_faq_folder_gone_says_to_p"
                "ut_it_back"
            ),
        ),
    ),
    Mutant(
        (
            "a button or form the database fails under says 'something went wrong' with a t"
            "raceback again"
        ),
        "bot/replies.py",
        (
            "    if isinstance(error, DatabaseUnavailable):\n        log_store_failure(log, "
            'error, "%s could not use the database", what)\n'
        ),
        (
            '    if False:\n        log_store_failure(log, error, "%s could not use the data'
            'base", what)\n'
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_new_entry_clicked_while_the_database_is_dow"
                "n_says_so_in_one_line"
            ),
        ),
    ),
    Mutant(
        (
            "a review decision's second read (still kept) falls through to the apology when"
            " the database goes"
        ),
        "bot/review.py",
        (
            "        kept = bool(decided) or await still_kept(bot, item)\n    except Databas"
            "eUnavailable as exc:\n"
        ),
        "        kept = True\n    except DatabaseUnavailable as exc:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_pick_with_the_database_gone_between_its_t"
                "wo_reads_says_nothing_was_decided"
            ),
        ),
    ),
    Mutant(
        (
            "a decision taken as the database goes shows the old page and 'cannot reach its"
            " database' as if it failed"
        ),
        "bot/review.py",
        "        except DatabaseUnavailable as exc:\n            # (After a decision taken:",
        "        except ZeroDivisionError as exc:\n            # (After a decision taken:",
        (
            (
                "tests/test_moderation_e2e.py::test_a_pick_taken_as_the_database_goes_says_it_w"
                "as_and_that_the_queue_cannot_show"
            ),
        ),
    ),
    Mutant(
        "a new entry saved from review with the database down says only '(the error is logged)'",
        "bot/cogs/faq_admin.py",
        "            why = store_trouble(exc)\n",
        '            why = "the error is logged"\n',
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entry_saved_while_the_database_is_dow"
                "n_says_why_its_question_stays"
            ),
        ),
    ),
    Mutant(
        "a pick written but not recorded in an outage says '(the error is logged)' again",
        "bot/review.py",
        "        unrecorded = store_trouble(exc)  # (why, said below: a restart, not a fault)\n",
        '        unrecorded = "the error is logged"  # (why, said below: a restart, not a fault)\n',
        (
            (
                "tests/test_moderation_e2e.py::test_a_pick_written_but_not_recorded_in_an_outag"
                "e_says_why_not_the_error_is_logged"
            ),
        ),
    ),
    Mutant(
        "a database error after a new entry's save says nothing was saved",
        "bot/cogs/faq_admin.py",
        (
            "        except Exception as exc:\n            # (The database out of reach or r"
            "efusing is one warning"
        ),
        (
            "        except ZeroDivisionError as exc:\n            # (The database out of re"
            "ach or refusing is one warning"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entry_saved_while_the_database_fails_"
                "is_said_saved"
            ),
        ),
    ),
    Mutant(
        "a stopped review still counts as listening, so a late click fails",
        "bot/review.py",
        (
            "        # answered by it, and FaqAdmin.on_interaction (which runs next) must l"
            "eave it be.\n        self.bot.open_reviews.discard(self._message_id)\n"
        ),
        (
            "        # answered by it, and FaqAdmin.on_interaction (which runs next) must l"
            "eave it be.\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_review_left_alone_says_it_expired_instead"
                "_of_failing_clicks"
            ),
        ),
    ),
    Mutant(
        (
            "a pick or Off-topic is recorded only after its reload, so a Dismiss in another"
            " process meanwhile is told 'Dismissed.' and the pick then wins"
        ),
        "bot/review.py",
        '    unrecorded = ""\n    try:\n',
        (
            '    unrecorded = ""\n    if written:\n        await bot.reload_faq("the reload f'
            'irst, as before")\n    try:\n'
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_pick_and_a_dismiss_made_at_once_in_two_pr"
                "ocesses_agree_on_the_pick"
            ),
        ),
    ),
    Mutant(
        (
            "a pick in a review opened before its question was deleted (or its member forgo"
            "tten) copies the question into the FAQ's examples files"
        ),
        "bot/review.py",
        "    if not kept:\n",
        "    if False:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_question_deleted_while_a_review_shows_it_"
                "is_not_written_into_the_faq"
            ),
        ),
    ),
    Mutant(
        "review: stale decision not checked",
        "bot/review.py",
        (
            "    if decided:\n        # Another moderator (or another view) decided since th"
            "is view was drawn: writing\n        # this one too would file the question twic"
            "e, perhaps under two entries.\n        return DECIDED_ALREADY\n    if not kept:\n"
            "        # (A Dismiss too: it would keep the question's words, as its record's "
            "key. A\n        # question decided in another process since the check above is "
            "still stored:\n        # record_review settles that race below.)\n        return"
            " DELETED_MEANWHILE\n"
        ),
        "",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stale_review_view_does_not_undo_another_m"
                "oderators_decision"
            ),
            "tests/test_moderation_e2e.py::test_a_stale_pick_after_a_dismiss_writes_nothing",
        ),
    ),
    Mutant(
        "the FAQ folder deleted or moved away under the watcher is told to nobody",
        "bot/cogs/faq_watch.py",
        (
            "                    if nowhere == 2:  # (still, a check's pause later: no depl"
            "oy's swap)\n                        await self._folder_gone()\n"
        ),
        (
            "                    if nowhere == 2:  # (still, a check's pause later: no depl"
            "oy's swap)\n                        pass\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_the_watcher_tells_the_moderators_the_faq_fo"
                "lder_is_gone"
            ),
        ),
    ),
    Mutant(
        (
            "SQLite's take-over of a vote from before vote keys gives its statements the va"
            "lues unordered (numbered placeholders as written before)"
        ),
        "bot/storage/sqlite.py",
        '    return _NUMBERED.sub("?", sql), tuple(values[i] for i in order)\n',
        '    return _NUMBERED.sub("?", sql), tuple(values)\n',
        ("tests/test_storage.py::test_a_vote_again_replaces_the_one_kept_before_vote_keys",),
    ),
    Mutant(
        (
            "form8606's --help has line 6 plus a late recharacterization, one out of a trad"
            "itional IRA added"
        ),
        "bot/cli/calc.py",
        '"IRA-to-IRA rollovers (not Roth or inherited IRAs), taking into account a "',
        (
            '"IRA-to-IRA rollovers and recharacterizations completed after Dec 31 (not Roth'
            ' or inherited IRAs) "'
        ),
        (
            (
                "tests/test_calc_cli.py::test_form8606_help_reads_lines_6_and_7_as_the_forms_in"
                "structions_do"
            ),
        ),
    ),
    Mutant(
        "the console's /schedule lets a chart it cannot write end the session",
        "bot/console.py",
        (
            "        except OSError as exc:\n            if name is not None:  # (a chart cu"
            "t short by a full disk is no chart)"
        ),
        (
            "        except MemoryError as exc:\n            if name is not None:  # (a char"
            "t cut short by a full disk is no chart)"
        ),
        (
            (
                "tests/test_console.py::test_a_chart_that_cannot_be_written_leaves_the_result_a"
                "nd_the_session"
            ),
        ),
    ),
    Mutant(
        "the console's /schedule leaves a chart cut short by a full disk behind",
        "bot/console.py",
        "                    Path(name).unlink()",
        "                    Path(name).exists()",
        (
            (
                "tests/test_console.py::test_a_chart_that_cannot_be_written_leaves_the_result_a"
                "nd_the_session[disk full]"
            ),
        ),
    ),
    Mutant(
        "the console takes a percent sign set apart ('8 %') as a value of its own",
        "calculators/typed.py",
        '    rest = with_ira_joined(_percent_joined(parts))  # ("traditional IRA" is one value)',
        '    rest = with_ira_joined(parts)  # ("traditional IRA" is one value)',
        ("tests/test_console.py::test_a_percent_sign_set_apart_is_the_number_before_it",),
    ),
    Mutant(
        "one-shot commands in a terminal wrap at its width but leave long rows unwrapped",
        "bot/cli/common.py",
        "    return terminal.wrap(text_at(width), width)",
        "    return text_at(width)",
        ("tests/test_calc_cli.py::test_one_shot_commands_fit_the_terminal[calc-80]",),
    ),
    Mutant(
        "calc's text output is wrapped at 88 whatever the terminal",
        "bot/cli/calc.py",
        "        print(fitted(lambda width: render_text(result, width)))",
        "        print(render_text(result))",
        ("tests/test_calc_cli.py::test_one_shot_commands_fit_the_terminal[calc-80]",),
    ),
    Mutant(
        "ask's answer is wrapped at 88 whatever the terminal",
        "bot/cli/ask.py",
        "        print(fitted(partial(answer_text, kb, result)))",
        "        print(answer_text(kb, result))",
        ("tests/test_calc_cli.py::test_one_shot_commands_fit_the_terminal[ask-80]",),
    ),
    Mutant(
        "faq show is wrapped at 88 whatever the terminal",
        "bot/cli/faq.py",
        "        print(fitted(lambda width: render_layout(layout, width)))",
        "        print(render_layout(layout))",
        ("tests/test_calc_cli.py::test_one_shot_commands_fit_the_terminal[faq-show-80]",),
    ),
    Mutant(
        "a dash typed for the minus sign ('–500') is refused without saying so",
        "calculators/parse.py",
        "    if lead and lead in _DASHES:",
        "    if lead and lead in _MINUS:",
        (
            (
                "tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2[dash-for-a"
                "-minus-sign]"
            ),
            (
                "tests/test_hostile_inputs.py::test_full_width_signs_and_invisible_characters_a"
                "re_named_in_the_refusal"
            ),
        ),
    ),
    Mutant(
        "a SQLite write refused by a read-only disk is not named read-only",
        "bot/storage/sqlite.py",
        (
            "        if _is_read_only(exc, self.path.parent):\n            raise DatabaseUna"
            'vailable(\n                f"cannot write to'
        ),
        (
            '        if False:\n            raise DatabaseUnavailable(\n                f"can'
            "not write to"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_sqlite_disk_remounted_read_o"
                "nly_says_it_is_read_only"
            ),
        ),
    ),
    Mutant(
        "a SQLite database on a read-only disk at start is not named read-only",
        "bot/storage/sqlite.py",
        "                if _is_read_only(exc, self.path.parent):\n                    # Exit 1",
        "                if False:\n                    # Exit 1",
        (
            (
                "tests/test_startup_failures.py::test_a_database_on_a_read_only_disk_at_start_i"
                "s_said_and_exits_1_to_be_retried"
            ),
        ),
    ),
    Mutant(
        "a disk in emergency read-only (statvfs silent) is not probed with a file",
        "bot/storage/sqlite.py",
        '        fd, probe = tempfile.mkstemp(dir=folder, prefix=".rollover-bot-probe-")\n',
        "        return False\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_sqlite_disk_remounted_read_o"
                "nly_says_it_is_read_only"
            ),
        ),
    ),
    Mutant(
        "a pointed message Discord fails to give falls to the pick's apology",
        "bot/cogs/point.py",
        "            except NETWORK_ERRORS as exc:  # (Discord's trouble: no fault of the bot's)\n",
        (
            "            except ZeroDivisionError as exc:  # (Discord's trouble: no fault o"
            "f the bot's)\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_pointed_message_discord_fails_to_give_is_said_so"
                "_not_a_fault_of_the_bot"
            ),
        ),
    ),
    Mutant(
        "a pointed answer whose confirmation was lost falls to the pick's apology",
        "bot/cogs/point.py",
        (
            "            except NETWORK_ERRORS as exc:  # (the connection: Discord may have"
            " taken it)\n"
        ),
        (
            "            except ZeroDivisionError as exc:  # (the connection: Discord may h"
            "ave taken it)\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_pointed_answer_whose_confirmation_was_lost_says_"
                "it_may_be_posted"
            ),
        ),
    ),
    Mutant(
        "a new entry's taught question unrecorded is sent to a queue that hides it",
        "bot/cogs/faq_admin.py",
        "                if not listed:\n",
        "                if False:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entrys_question_taught_but_not_record"
                "ed_is_not_sent_to_a_queue_hiding_it"
            ),
            (
                "tests/test_moderation_e2e.py::test_a_new_entry_saved_while_the_database_fails_"
                "is_said_saved"
            ),
        ),
    ),
    Mutant(
        "a new entry's untaught question the FAQ answers now is sent to a queue that hides it",
        "bot/cogs/faq_admin.py",
        "            if not listed:\n                return (\n",
        "            if False:\n                return (\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entry_answering_its_question_in_an_ou"
                "tage_sends_nobody_to_the_queue"
            ),
        ),
    ),
    Mutant(
        "whether the queue lists a new entry's question ignores its filter",
        "bot/cogs/faq_admin.py",
        "        return bool(shown)\n",
        "        return True\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entrys_question_taught_but_not_record"
                "ed_is_not_sent_to_a_queue_hiding_it"
            ),
            (
                "tests/test_moderation_e2e.py::test_a_new_entry_answering_its_question_in_an_ou"
                "tage_sends_nobody_to_the_queue"
            ),
        ),
    ),
    Mutant(
        "SQLite's own read-only refusal (SQLITE_READONLY) is not named read-only",
        "bot/storage/sqlite.py",
        "    if code & 0xFF == sqlite3.SQLITE_READONLY:\n        return True\n",
        "    if False:\n        return True\n",
        (
            (
                "tests/test_storage.py::test_a_database_a_stopped_bot_left_on_a_read_only_disk_"
                "refuses_writes_by_name"
            ),
        ),
    ),
    Mutant(
        "a new entry's question filed elsewhere meanwhile is sent to a queue that hides it",
        "bot/cogs/faq_admin.py",
        (
            "                        if not await self._still_listed():  # (filed elsewhere"
            " meanwhile)\n"
        ),
        "                        if False:  # (filed elsewhere meanwhile)\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_new_entrys_question_filed_elsewhere_meanw"
                "hile_is_not_sent_to_the_queue"
            ),
        ),
    ),
    Mutant(
        "context sentences of a post weigh 0.3 again (the real posts' stories count for little)",
        "knowledge/lexical.py",
        "CONTEXT_WEIGHT = 0.7\n",
        "CONTEXT_WEIGHT = 0.3\n",
        ("tests/test_matcher.py::test_real_holdout_floors",),
    ),
    Mutant(
        "room: the unused catch-up step says the whole unused catch-up is what the member can add",
        "calculators/room.py",
        'f"so you could put in {usd(widened - room_left)} more after-tax: after-tax room "',
        'f"so you could put in {usd(absorbable)} more after-tax: after-tax room "',
        ("tests/test_calc_room.py::test_the_unused_catch_up_step_says_what_the_member_can_add",),
    ),
    Mutant(
        "/room's age back to Discord's own 14 to 120, narrower than the calculator's 0 to 130",
        "bot/cogs/calculators.py",
        "age: app_commands.Range[int, 0, MAX_AGE] | None = None,",
        "age: app_commands.Range[int, 14, 120] | None = None,",
        ("tests/test_bot_e2e.py::test_room_takes_every_age_the_calculator_does",),
    ),
    Mutant(
        "an error line quotes a byte that is not UTF-8 as its escape ('\\udca31000')",
        "bot/cli/errors.py",
        (
            "    text = _BYTE.sub(NOT_UTF8, _ESCAPED_BYTE.sub(lambda m: m.group(1) + NOT_UT"
            "F8, message))"
        ),
        "    text = _BYTE.sub(NOT_UTF8, message)",
        (
            "tests/test_calc_cli.py::test_a_value_that_is_not_utf8_is_quoted_readably[amount]",
            "tests/test_calc_cli.py::test_a_value_that_is_not_utf8_is_quoted_readably[choice]",
            "tests/test_calc_cli.py::test_a_value_that_is_not_utf8_is_quoted_readably[entry]",
        ),
    ),
    Mutant(
        "an error line writes a path's byte that is not UTF-8 as stderr escapes it",
        "bot/cli/errors.py",
        (
            "    text = _BYTE.sub(NOT_UTF8, _ESCAPED_BYTE.sub(lambda m: m.group(1) + NOT_UT"
            "F8, message))"
        ),
        "    text = _ESCAPED_BYTE.sub(lambda m: m.group(1) + NOT_UTF8, message)",
        ("tests/test_calc_cli.py::test_a_value_that_is_not_utf8_is_quoted_readably[path]",),
    ),
    Mutant(
        "--chart writes over the earlier chart in place (cut short on a full disk)",
        "bot/cli/calc.py",
        "            _write_chart(args.chart, png)",
        "            args.chart.write_bytes(png)",
        ("tests/test_calc_cli.py::test_a_chart_that_cannot_be_written_keeps_the_earlier_one",),
    ),
    Mutant(
        "--chart replaced through a new file loses the chart's permissions",
        "bot/cli/calc.py",
        (
            "                os.fchmod(out.fileno(), stat.S_IMODE(mode))  # (the chart's pe"
            "rmissions kept)"
        ),
        "                pass",
        ("tests/test_calc_cli.py::test_a_chart_that_cannot_be_written_keeps_the_earlier_one",),
    ),
    Mutant(
        "a SQLite file moved or deleted under the bot is written on into without a word",
        "bot/storage/sqlite.py",
        "            return _identity(self.path) != self._opened\n",
        "            return False\n",
        (
            (
                "tests/test_storage.py::test_a_database_moved_or_deleted_under_the_store_refuse"
                "s_writes_and_stays_whole"
            ),
            (
                "tests/test_faults_e2e.py::test_a_database_moved_under_a_running_bot_is_said_on"
                "ce_and_written_when_back"
            ),
            (
                "tests/test_storage.py::test_a_database_moved_then_the_bot_stopped_before_a_wri"
                "te_is_whole_where_it_went"
            ),
        ),
    ),
    Mutant(
        (
            "a SQLite file moved or deleted under the bot is not made whole (its write-ahea"
            "d log left unapplied)"
        ),
        "bot/storage/sqlite.py",
        '            await db.execute("PRAGMA wal_checkpoint(TRUNCATE)")\n',
        "            pass\n",
        (
            (
                "tests/test_storage.py::test_a_database_moved_or_deleted_under_the_store_refuse"
                "s_writes_and_stays_whole"
            ),
        ),
    ),
    Mutant(
        "a SQLite file moved just before a stop is closed with its write-ahead log unapplied",
        "bot/storage/sqlite.py",
        (
            "                if self._moved() and not self._moved_said:  # (moved, then a s"
            "top at once)\n"
        ),
        "                if False:\n",
        (
            (
                "tests/test_storage.py::test_a_database_moved_then_the_bot_stopped_before_a_wri"
                "te_is_whole_where_it_went"
            ),
        ),
    ),
    Mutant(
        "postgres_stuck_query_raised_bare",
        "bot/storage/postgres.py",
        "            raise DatabaseUnavailable(STUCK_QUERY, problem=HELD_UP) from exc\n",
        "            raise\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_database_held_up_by_a_lock_tells_moderator"
                "s_why_in_a_line_each"
            ),
        ),
    ),
    Mutant(
        "postgres_stuck_query_said_out_of_reach",
        "bot/storage/postgres.py",
        "            raise DatabaseUnavailable(STUCK_QUERY, problem=HELD_UP) from exc\n",
        "            raise DatabaseUnavailable(STUCK_QUERY) from exc\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_database_held_up_by_a_lock_tells_moderator"
                "s_why_in_a_line_each"
            ),
        ),
    ),
    Mutant(
        "postgres_refusal_of_a_timeout_wordless",
        "bot/storage/postgres.py",
        "        said = server_refusal(exc) or str(exc) or self._unanswered(exc)\n",
        "        said = server_refusal(exc) or str(exc)\n",
        (
            (
                "tests/test_startup_failures.py::test_a_postgres_server_that_never_answers_at_s"
                "tart_says_so_exit_1"
            ),
            "tests/test_startup_failures.py::test_a_report_kept_waiting_by_a_lock_says_so_exit_1",
        ),
    ),
    Mutant(
        "postgres_connect_timeout_said_as_a_stuck_query",
        "bot/storage/postgres.py",
        "        return STUCK_QUERY if self._pool is not None else NO_ANSWER\n",
        "        return STUCK_QUERY\n",
        (
            (
                "tests/test_startup_failures.py::test_a_postgres_server_that_never_answers_at_s"
                "tart_says_so_exit_1"
            ),
        ),
    ),
    Mutant(
        "postgres_open_refusal_worded_after_closing",
        "bot/storage/postgres.py",
        (
            "                refusal = self._refusal(exc)  # (before closing: it asks wheth"
            "er it connected)\n                await self._let_go()\n                raise refu"
            "sal from exc\n"
        ),
        "                await self._let_go()\n                raise self._refusal(exc) from exc\n",
        ("tests/test_startup_failures.py::test_a_report_kept_waiting_by_a_lock_says_so_exit_1",),
    ),
    Mutant(
        "vote_not_let_finish_at_a_stop",
        "bot/views.py",
        "        with interaction.client.replying():\n            await self._vote(interaction)\n",
        "        await self._vote(interaction)\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_vote_waiting_on_a_lock_at_a_stop_is_record"
                "ed_or_the_member_told"
            ),
        ),
    ),
    Mutant(
        "pointed_answer_not_let_finish_at_a_stop",
        "bot/cogs/point.py",
        "        with interaction.client.replying():\n            await self._point(interaction)\n",
        "        await self._point(interaction)\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_pointed_answer_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_cut_off"
            ),
        ),
    ),
    Mutant(
        "pointed_answer_cut_off_at_a_stop_helper_not_told",
        "bot/cogs/point.py",
        (
            "            except asyncio.CancelledError:\n                if not bot.taken_cu"
            "t_off():\n                    raise\n"
        ),
        "            except asyncio.CancelledError:\n                raise\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_pointed_answer_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_cut_off"
            ),
        ),
    ),
    Mutant(
        "cut_off_not_taken_while_stopping",
        "bot/app.py",
        "        if not self.stopping or task is None:\n            return False\n",
        "        if self.stopping or task is None:\n            return False\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_vote_waiting_on_a_lock_at_a_stop_is_record"
                "ed_or_the_member_told"
            ),
        ),
    ),
    Mutant(
        "postgres_hurry_shortens_nothing",
        "bot/storage/postgres.py",
        "        self._timeout = min(self._timeout, STOP_QUERY_TIMEOUT)\n",
        "",
        (
            (
                "tests/test_processes_e2e.py::test_a_stop_with_the_retry_queue_locked_ends_with"
                "in_a_docker_stop"
            ),
        ),
    ),
    Mutant(
        "the idf floor back at 0.3 (a rare word outweighs a common one thirteen times)",
        "knowledge/lexical.py",
        "IDF_FLOOR = 1.7\n",
        "IDF_FLOOR = 0.3\n",
        ("tests/test_matcher.py::test_real_holdout_floors",),
    ),
    Mutant(
        "stop_cut_off_line_counts_every_kind_as_owed",
        "bot/app.py",
        "            owed = len(set(cut.values()) & set(late))\n",
        "            owed = len(late)\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_vote_waiting_on_a_lock_at_a_stop_is_record"
                "ed_or_the_member_told[held through it]"
            ),
            (
                "tests/test_processes_e2e.py::test_a_pointed_answer_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_cut_off[held through it]"
            ),
        ),
    ),
    Mutant(
        "postgres_connect_waits_the_driver_s_minute",
        "bot/storage/postgres.py",
        (
            "                    command_timeout=self.query_timeout,\n                    ti"
            "meout=self._connect_timeout,\n"
        ),
        "                    command_timeout=self.query_timeout,\n",
        (
            (
                "tests/test_storage.py::test_postgres_connections_wait_the_bot_s_connect_timeou"
                "t_or_the_url_s[]"
            ),
        ),
    ),
    Mutant(
        "postgres_url_connect_timeout_sent_to_the_server",
        "bot/storage/postgres.py",
        "                self._dsn, self._connect_timeout = connect_options(self.url)\n",
        "                self._connect_timeout = connect_options(self.url)[1]\n",
        (
            (
                "tests/test_storage.py::test_postgres_connections_wait_the_bot_s_connect_timeou"
                "t_or_the_url_s[&connect_timeout=1]"
            ),
        ),
    ),
    Mutant(
        "postgres_url_connect_timeout_zero_taken",
        "bot/storage/postgres.py",
        '    if not 0 < seconds < float("inf"):\n',
        "    if False:\n",
        (
            (
                "tests/test_storage.py::test_postgres_url_connect_timeout_that_is_no_time_is_a_"
                "setting_to_fix[0]"
            ),
        ),
    ),
    Mutant(
        "not_what_i_asked_not_waited_for_by_a_stop",
        "bot/views.py",
        (
            "        with interaction.client.replying():\n            await self._removal(in"
            "teraction)\n"
        ),
        "        if True:\n            await self._removal(interaction)\n",
        (
            (
                "tests/test_processes_e2e.py::test_not_what_i_asked_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_the_member_told[released during the stop]"
            ),
            (
                "tests/test_processes_e2e.py::test_not_what_i_asked_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_the_member_told[held through it]"
            ),
        ),
    ),
    Mutant(
        "not_what_i_asked_cut_off_member_not_told",
        "bot/views.py",
        "            log.warning(said, interaction.id)\n            recorded = False\n",
        "            log.warning(said, interaction.id)\n            recorded = True\n",
        (
            (
                "tests/test_processes_e2e.py::test_not_what_i_asked_waiting_on_a_lock_at_a_stop"
                "_is_recorded_or_the_member_told[held through it]"
            ),
        ),
    ),
    Mutant(
        "postgres queries wait forever",
        "bot/storage/postgres.py",
        "                    command_timeout=self.query_timeout,\n",
        "",
        ("tests/test_storage.py::test_postgres_gives_up_on_a_query_stuck_behind_a_lock",),
    ),
    Mutant(
        (
            "with PostgreSQL down, a forum post's claim that cannot be recorded is an ERROR"
            " with a traceback, not a line saying the database is out of reach"
        ),
        "bot/storage/postgres.py",
        (
            "        with self._reaching():\n            pool = await self._pool_ready()\n   "
            "         async with self._connection(pool) as db, db.transaction():\n          "
            "      status"
        ),
        (
            "        with contextlib.nullcontext():\n            pool = await self._pool_rea"
            "dy()\n            async with self._connection(pool) as db, db.transaction():\n  "
            "              status"
        ),
        (
            (
                "tests/test_processes_e2e.py::test_a_database_down_under_a_post_is_a_line_per_r"
                "ecord_lost_not_a_traceback"
            ),
        ),
    ),
    Mutant(
        "an answer Discord would not delete counts another miss each time it is removed again",
        "bot/views.py",
        (
            "        if not first:  # (an answer Discord would not delete, removed again: o"
            "ne miss)\n            return True\n"
        ),
        (
            "        if False:  # (an answer Discord would not delete, removed again: one m"
            "iss)\n            return True\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_an_answer_discord_would_not_remove_counts_one_miss"
                "_however_often_removed"
            ),
        ),
    ),
    Mutant(
        "a miss lost in a database outage still tells the member 'A person will take a look'",
        "bot/views.py",
        "        if not recorded and not stays:\n",
        "        if False:\n",
        (
            (
                "tests/test_processes_e2e.py::test_not_what_i_asked_while_the_database_is_down_"
                "promises_no_review"
            ),
        ),
    ),
    Mutant(
        "vote_cut_off_at_a_stop_not_told",
        "bot/views.py",
        (
            "            if not bot.taken_cut_off():\n                raise\n            # (B"
            "y the stop's grace, its write still waiting: _vote then tells the member.)\n"
        ),
        (
            "            raise\n            # (By the stop's grace, its write still waiting:"
            " _vote then tells the member.)\n"
        ),
        (
            (
                "tests/test_processes_e2e.py::test_a_vote_waiting_on_a_lock_at_a_stop_is_record"
                "ed_or_the_member_told"
            ),
        ),
    ),
    Mutant(
        "postgres_fetch_ignores_the_stop_timeout",
        "bot/storage/postgres.py",
        "                return list(await db.fetch(sql, *args, timeout=self._timeout))\n",
        "                return list(await db.fetch(sql, *args))\n",
        (
            (
                "tests/test_processes_e2e.py::test_a_stop_with_the_retry_queue_locked_ends_with"
                "in_a_docker_stop"
            ),
        ),
    ),
    Mutant(
        "autocomplete compares every typed word with titles, stopwords too",
        "knowledge/matcher.py",
        "content = normalize.content_words(text) or typed",
        "content = typed",
        ("tests/test_matcher.py::test_autocomplete_is_capped_and_finds_by_title_and_meaning",),
    ),
    Mutant(
        "autocomplete offers nothing when only stopwords are typed",
        "knowledge/matcher.py",
        "content = normalize.content_words(text) or typed",
        "content = normalize.content_words(text) or '\\x00'",
        ("tests/test_matcher.py::test_autocomplete_is_capped_and_finds_by_title_and_meaning",),
    ),
    Mutant(
        "autocomplete breaks equal likeness by id only",
        "knowledge/matcher.py",
        "key=lambda kv: (-kv[1], -meaning.get(kv[0], 0.0), kv[0])",
        "key=lambda kv: (-kv[1], kv[0])",
        ("tests/test_matcher.py::test_autocomplete_is_capped_and_finds_by_title_and_meaning",),
    ),
    Mutant(
        "a deletion's handling is not work the stop lets finish",
        DELETIONS,
        "            with self.bot.replying():\n                yield\n",
        "            if True:\n                yield\n",
        (
            f"{E2E}::test_a_stop_lets_the_answers_to_a_deleted_question_go",
            (
                "tests/test_processes_e2e.py::test_a_deletion_waiting_on_a_lock_at_a_stop_takes"
                "_its_answer_along_or_says_so[released during the stop]"
            ),
            (
                "tests/test_processes_e2e.py::test_a_deletion_waiting_on_a_lock_at_a_stop_takes"
                "_its_answer_along_or_says_so[held through it]"
            ),
        ),
    ),
    Mutant(
        "a reconnect the silent server never answered is said as a lock",
        "bot/storage/postgres.py",
        "            if self._unanswered_connect:  # (a reconnect the server never answered)\n",
        "            if False:  # (a reconnect the server never answered)\n",
        (
            (
                "tests/test_storage.py::test_postgres_a_server_silent_at_a_reconnect_is_said_no"
                "t_to_answer"
            ),
        ),
    ),
    Mutant(
        "the pool's connections made by the driver, unwatched",
        "bot/storage/postgres.py",
        "                    connect=self._connect_pooled,\n",
        "",
        (
            (
                "tests/test_storage.py::test_postgres_a_server_silent_at_a_reconnect_is_said_no"
                "t_to_answer"
            ),
        ),
    ),
    Mutant(
        "a call's timeout bounds the pool's wait and its statement apart",
        "bot/storage/postgres.py",
        (
            "        async with asyncio.timeout(self._timeout), pool.acquire(timeout=self._"
            "timeout) as db:\n"
        ),
        "        async with pool.acquire(timeout=self._timeout) as db:\n",
        (
            (
                "tests/test_storage.py::test_postgres_a_call_given_a_connection_late_still_ends"
                "_within_its_timeout"
            ),
        ),
    ),
    Mutant(
        "SQLite: the wait for the connection's turn unbounded",
        "bot/storage/sqlite.py",
        (
            "            async with asyncio.timeout(whole):\n                await self._loc"
            "k.acquire()\n"
        ),
        "            await self._lock.acquire()\n",
        (
            (
                "tests/test_storage.py::test_writes_behind_one_kept_waiting_by_a_lock_wait_no_l"
                "onger_than_it"
            ),
            (
                "tests/test_storage.py::test_a_write_begun_during_a_stop_behind_one_kept_waitin"
                "g_waits_a_second"
            ),
        ),
    ),
    Mutant(
        "SQLite: a call given its turn late gets the whole busy timeout again",
        "bot/storage/sqlite.py",
        "        if left < wanted - TURN_SLACK_SECONDS:\n",
        "        if False:\n",
        (
            (
                "tests/test_storage.py::test_writes_behind_one_kept_waiting_by_a_lock_wait_no_l"
                "onger_than_it"
            ),
        ),
    ),
    Mutant(
        "the reload listener's silent-server failure said with no reason",
        "bot/storage/postgres.py",
        "    return NO_ANSWER if isinstance(exc, TimeoutError) else type(exc).__name__\n",
        '    return ""\n',
        (
            (
                "tests/test_storage.py::test_reload_announcements_not_heard_from_a_silent_serve"
                "r_say_why"
            ),
        ),
    ),
    Mutant(
        "/ask not a reply the stop lets finish",
        "bot/cogs/ask.py",
        (
            "        with self.bot.replying():\n            await self._ask(interaction, que"
            "stion, private)\n"
        ),
        "        if True:\n            await self._ask(interaction, question, private)\n",
        (
            (
                "tests/test_processes_e2e.py::test_an_ask_in_flight_when_the_bot_is_stopped_is_"
                "answered_and_recorded[ask]"
            ),
        ),
    ),
    Mutant(
        "/faq not a reply the stop lets finish",
        "bot/cogs/ask.py",
        "        with self.bot.replying():  # (a stop lets it finish, as /ask)\n",
        "        if True:  # (a stop lets it finish, as /ask)\n",
        (
            (
                "tests/test_processes_e2e.py::test_an_ask_in_flight_when_the_bot_is_stopped_is_"
                "answered_and_recorded[faq]"
            ),
        ),
    ),
    Mutant(
        "a pick from the close matches not let finish at a stop",
        "bot/views.py",
        (
            "        with interaction.client.replying():  # (a stop lets it finish, as /ask"
            ")\n            await self._pick(interaction)\n"
        ),
        "        await self._pick(interaction)\n",
        (
            (
                "tests/test_processes_e2e.py::test_an_entry_chosen_under_an_answer_as_the_bot_i"
                "s_stopped_is_shown[rb:pick]"
            ),
        ),
    ),
    Mutant(
        "a full answer not let finish at a stop",
        "bot/views.py",
        (
            "            with interaction.client.replying():  # (a stop lets it finish, as "
            "/ask)\n                await show_full_entry(interaction, self.entry_id)\n"
        ),
        "            await show_full_entry(interaction, self.entry_id)\n",
        (
            (
                "tests/test_processes_e2e.py::test_an_entry_chosen_under_an_answer_as_the_bot_i"
                "s_stopped_is_shown[rb:full:]"
            ),
        ),
    ),
    Mutant(
        "a log record's warning: line shows a byte that is not UTF-8 as its escape",
        "bot/cli/__init__.py",
        "        return warning_line(message)\n",
        '        return "warning: " + message\n',
        (
            (
                "tests/test_cli_ask.py::test_a_warning_shows_bytes_that_are_not_utf8_as_an_erro"
                "r_line_does"
            ),
        ),
    ),
    Mutant(
        "the last-complete-FAQ warning: line shows a byte that is not UTF-8 as its escape",
        "bot/cli/common.py",
        "print(warning_line(fallback.summary(folder)), file=sys.stderr)",
        'print(f"warning: {fallback.summary(folder)}", file=sys.stderr)',
        (
            (
                "tests/test_cli_ask.py::test_a_warning_shows_bytes_that_are_not_utf8_as_an_erro"
                "r_line_does"
            ),
        ),
    ),
    Mutant(
        "a chart write leaves the spares of earlier writes killed midway",
        "bot/cli/calc.py",
        "    drop_leftover_spares(target)\n",
        "",
        (
            (
                "tests/test_calc_cli.py::test_a_chart_write_killed_midway_leaves_no_spare_after"
                "_the_next"
            ),
        ),
    ),
    Mutant(
        "a chart's spare being written by another process is taken for a leftover and deleted",
        "knowledge/spares.py",
        "            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n",
        "            pass\n",
        (
            (
                "tests/test_calc_cli.py::test_a_chart_write_killed_midway_leaves_no_spare_after"
                "_the_next"
            ),
        ),
    ),
    Mutant(
        (
            "a stop during the catch-up after READY ends it with a traceback (unhandled err"
            "or in on_ready)"
        ),
        CATCH_UP,
        (
            "                if not self.bot.stopping:\n                    raise\n          "
            "      # The stop closed the connection to Discord under it"
        ),
        (
            "                if True:\n                    raise\n                # The stop "
            "closed the connection to Discord under it"
        ),
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_during_the_catch_up_after_ready_ends_it_"
                "without_a_traceback"
            ),
        ),
    ),
    Mutant(
        (
            "a post to the mod log after the stop closed Discord's connection raises (unhan"
            "dled error in on_ready)"
        ),
        "bot/mod_log.py",
        "            if bot.is_closed():\n",
        "            if False:\n",
        (
            (
                "tests/test_last_good.py::test_a_stop_while_the_start_tells_moderators_ends_wit"
                "hout_a_traceback"
            ),
        ),
    ),
    Mutant(
        "ask answers from the last complete FAQ without a warning",
        "bot/cli/common.py",
        "        print(warning_line(fallback.summary(folder)), file=sys.stderr)",
        "        pass",
        ("tests/test_last_good.py::test_ask_warns_on_stderr_and_answers",),
    ),
    Mutant(
        "writes a FAQ file non-atomically",
        "knowledge/editing.py",
        "        tmp, fd = held_spare(path, 0o600)",
        "        tmp = path\n        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)",
        ("tests/test_faq_editing.py",),
    ),
    Mutant(
        "a saved FAQ file leaves the spares of earlier saves killed midway",
        "knowledge/editing.py",
        "    drop_leftover_spares(path)\n",
        "",
        (
            (
                "tests/test_faq_editing.py::test_a_save_killed_midway_leaves_no_spare_in_the_fa"
                "q_folder_after_the_next"
            ),
        ),
    ),
    Mutant(
        "a forum given as the moderator log is logged as a channel the bot cannot see",
        "bot/mod_log.py",
        (
            '    if channel is None:\n        log.warning("mod log channel %s is not a chann'
            'el the bot can see", channel_id)'
        ),
        (
            '    if not isinstance(channel, discord.abc.Messageable):\n        log.warning("'
            'mod log channel %s is not a channel the bot can see", channel_id)'
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_forum_given_as_the_moderator_log_is_said_to_be_n"
                "o_place_to_post"
            ),
        ),
    ),
    Mutant(
        "a save refused on a full disk leaves its backup, cut short, among the backups",
        "knowledge/editing.py",
        "            backup.unlink(missing_ok=True)\n        raise\n    return backup\n",
        "            pass\n        raise\n    return backup\n",
        (
            (
                "tests/test_faq_editing.py::test_a_save_refused_for_a_full_disk_leaves_the_back"
                "ups_as_they_were"
            ),
        ),
    ),
    Mutant(
        "--chart=~/schedule.png is a folder named ~ in the current one",
        "bot/cli/calc.py",
        "    return from_home(Path(text))\n",
        "    return Path(text)\n",
        ("tests/test_calc_cli.py::test_a_chart_path_from_the_home_folder_is_written_there",),
    ),
    Mutant(
        "a named pipe named as a chart's spare holds the write up for ever",
        "knowledge/spares.py",
        "os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK",
        "os.O_RDONLY | os.O_NOFOLLOW",
        ("tests/test_calc_cli.py::test_a_named_pipe_named_as_a_spare_does_not_hold_the_chart_up",),
    ),
    Mutant(
        "a named pipe named as a chart's spare is deleted as a leftover",
        "knowledge/spares.py",
        "            if not stat.S_ISREG(os.fstat(fd).st_mode):\n",
        "            if False:\n",
        ("tests/test_calc_cli.py::test_a_named_pipe_named_as_a_spare_does_not_hold_the_chart_up",),
    ),
    Mutant(
        "a chart on a file system without locks is refused (its spare's lock fails)",
        "knowledge/spares.py",
        (
            "        try:\n            fcntl.flock(fd, fcntl.LOCK_EX)\n        except OSError"
            ":  # (a file system without locks, some network mounts: as before)\n           "
            " return spare, fd\n"
        ),
        "        fcntl.flock(fd, fcntl.LOCK_EX)\n",
        ("tests/test_calc_cli.py::test_a_chart_is_written_where_files_cannot_be_locked",),
    ),
    Mutant(
        "a bulk delete leaves the answers to its messages",
        DELETIONS,
        (
            "            for message_id in payload.message_ids:\n                await self."
            "_answers_go_with("
        ),
        "            for message_id in ():\n                await self._answers_go_with(",
        (
            (
                "tests/test_bot_e2e.py::test_a_deleted_question_takes_the_bots_answer_with_it_a"
                "lso_after_a_restart"
            ),
        ),
    ),
    Mutant(
        "a member's deleted message leaves its question in the review queue and gaps",
        DELETIONS,
        "            await self._forget([payload.message_id])\n",
        "            pass\n",
        ("tests/test_bot_e2e.py::test_a_deleted_question_leaves_the_review_queue_and_the_gaps",),
    ),
    Mutant(
        "a forum post a moderator deletes whole leaves its question in the review queue and gaps",
        DELETIONS,
        "            await self._forget([payload.thread_id], channel_id=payload.thread_id)\n",
        "            pass\n",
        ("tests/test_bot_e2e.py::test_a_deleted_question_leaves_the_review_queue_and_the_gaps",),
    ),
    Mutant(
        "a post's question deleted while the bot was down stays in the moderators' gaps",
        DELETIONS,
        (
            "            await self._forget([message_id])\n            await self._answers_g"
            "o_with(message_id, message_id, guild_id)\n"
        ),
        "            await self._answers_go_with(message_id, message_id, guild_id)\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_posts_question_deleted_while_the_bot_was_down_ta"
                "kes_its_answer_at_start"
            ),
        ),
    ),
    Mutant(
        "a SQLite file locked by another program mid-run is an internal fault",
        "bot/storage/sqlite.py",
        (
            "        if _is_locked(exc):\n            raise self._held_locked(self._turn_sec"
            "onds) from exc"
        ),
        "        if False:\n            raise self._held_locked(self._turn_seconds) from exc",
        (
            (
                "tests/test_faults_e2e.py::test_a_database_another_program_holds_locked_is_one_"
                "warning_not_a_traceback_a_pass"
            ),
        ),
    ),
    Mutant(
        (
            "a SQLite file another program locks is told to a moderator's review decision a"
            "s 'cannot reach its database'"
        ),
        "bot/storage/sqlite.py",
        '            f"{seconds:g} s",\n            problem=LOCKED,\n',
        '            f"{seconds:g} s",\n',
        (
            (
                "tests/test_moderation_e2e.py::test_a_dismiss_on_a_sqlite_file_another_program_"
                "locks_says_so"
            ),
        ),
    ),
    Mutant(
        "sqlite-hurry-never-told-to-the-connection",
        "bot/storage/sqlite.py",
        '            await db.execute(f"PRAGMA busy_timeout = {max(round(wanted * 1000), 1)}")\n',
        "            pass\n",
        (
            (
                "tests/test_storage.py::test_a_write_begun_during_a_stop_waits_a_second_for_a_l"
                "ock_not_five"
            ),
            (
                "tests/test_faults_e2e.py::test_a_reply_finishing_in_a_stop_waits_a_second_for_"
                "a_locked_database_not_five"
            ),
        ),
    ),
    Mutant(
        "sqlite-transaction-not-hurried",
        "bot/storage/sqlite.py",
        (
            "            await self._busy_as_set(db, left)\n            try:\n               "
            ' await db.execute("BEGIN IMMEDIATE")'
        ),
        '            try:\n                await db.execute("BEGIN IMMEDIATE")',
        (
            (
                "tests/test_storage.py::test_a_write_begun_during_a_stop_waits_a_second_for_a_l"
                "ock_not_five"
            ),
        ),
    ),
    Mutant(
        "sqlite-single-write-not-hurried",
        "bot/storage/sqlite.py",
        (
            "            await self._busy_as_set(db, left)\n            try:\n               "
            " cursor = await db.execute(sql, params)"
        ),
        "            try:\n                cursor = await db.execute(sql, params)",
        (
            (
                "tests/test_storage.py::test_a_write_begun_during_a_stop_waits_a_second_for_a_l"
                "ock_not_five"
            ),
            (
                "tests/test_faults_e2e.py::test_a_reply_finishing_in_a_stop_waits_a_second_for_"
                "a_locked_database_not_five"
            ),
        ),
    ),
    Mutant(
        "postgres_pool_acquire_waits_for_ever",
        "bot/storage/postgres.py",
        "async with asyncio.timeout(self._timeout), pool.acquire(timeout=self._timeout) as db:",
        "async with pool.acquire() as db:",
        (
            (
                "tests/test_storage.py::test_postgres_calls_waiting_for_a_connection_give_up_as"
                "_a_stuck_query"
            ),
        ),
    ),
    Mutant(
        "embedding: a model file that is not the published one runs anyway",
        "knowledge/embedding.py",
        "if digest != MODEL_SHA256:",
        "if False:",
        (
            (
                "tests/test_embedding.py::test_a_changed_model_file_is_refused_and_the_matcher_"
                "answers_without_it"
            ),
        ),
    ),
    Mutant(
        "embedding: members' questions are written to the disk store",
        "knowledge/embedding.py",
        "            if store and missing:",
        "            if missing:",
        (
            (
                "tests/test_embedding.py::test_training_texts_are_kept_on_disk_and_a_broken_sto"
                "re_is_embedded_again"
            ),
        ),
    ),
    Mutant(
        "embedding: vectors kept on disk are never read back",
        "knowledge/embedding.py",
        "self._on_disk = {**_read(SEED), **_read(_store_path())}",
        "self._on_disk = {**_read(SEED)}",
        (
            (
                "tests/test_embedding.py::test_training_texts_are_kept_on_disk_and_a_broken_sto"
                "re_is_embedded_again"
            ),
        ),
    ),
    Mutant(
        "embedding: a long text read only as far as its first window",
        "knowledge/embedding.py",
        "for i in range(0, len(inner), step)]",
        "for i in range(0, min(len(inner), step), step)]",
        (
            (
                "tests/test_embedding.py::test_a_long_posts_question_after_its_first_window_coun"
                "ts_in_its_meaning"
            ),
        ),
    ),
    Mutant(
        "embedding: a long text's windows averaged alike whatever each read",
        "knowledge/embedding.py",
        "            sums[row] += mean.astype(np.float64) * len(window)\n"
        "            counts[row] += len(window)\n",
        "            sums[row] += mean.astype(np.float64)\n            counts[row] += 1\n",
        ("tests/test_embedding.py::test_the_seed_holds_what_the_model_makes_now",),
    ),
    Mutant(
        "embedding: vectors an earlier reading of long texts kept on disk are used",
        "knowledge/embedding.py",
        '    read = f"{MODEL_SHA256[:12]}-{WINDOWS}x{MAX_TOKENS}"\n',
        '    read = f"{MODEL_SHA256[:12]}"\n',
        (
            (
                "tests/test_embedding.py::test_vectors_kept_by_an_earlier_reading_of_long_texts_"
                "are_not_used_and_go"
            ),
        ),
    ),
    Mutant(
        "embedding: a store another model or reading kept is left in the cache folder",
        "knowledge/embedding.py",
        "            if other != path:\n",
        "            if False:\n",
        (
            (
                "tests/test_embedding.py::test_vectors_kept_by_an_earlier_reading_of_long_texts_"
                "are_not_used_and_go"
            ),
        ),
    ),
    Mutant(
        "embedding: a lone surrogate goes to the tokenizer as it is",
        "knowledge/embedding.py",
        'readable = [t.encode("utf-8", "replace").decode("utf-8") for t in texts]',
        "readable = list(texts)",
        ("tests/test_hostile_inputs.py::test_hostile_input[lone-surrogate/ask]",),
    ),
    Mutant(
        "embedding: the matcher cache does not tell a matcher trained without embeddings",
        "knowledge/base.py",
        '    digest.update(b"embeddings" if embedding.load() is not None else b"no embeddings")\n',
        "",
        (
            (
                "tests/test_embedding.py::test_a_changed_model_file_is_refused_and_the_matcher_"
                "answers_without_it"
            ),
            "tests/test_embedding.py::test_turned_off_the_matcher_answers_without_embeddings",
        ),
    ),
    Mutant(
        "embedding: a model that cannot run is not told to the operator",
        "knowledge/embedding.py",
        '        log.warning("answering without sentence embeddings: %s", error)',
        '        log.debug("answering without sentence embeddings: %s", error)',
        (
            (
                "tests/test_embedding.py::test_a_changed_model_file_is_refused_and_the_matcher_"
                "answers_without_it"
            ),
        ),
    ),
    Mutant(
        "embedding: ROLLOVER_EMBEDDINGS=off is ignored",
        "knowledge/embedding.py",
        "    if turned_off():",
        "    if False:",
        ("tests/test_embedding.py::test_turned_off_the_matcher_answers_without_embeddings",),
    ),
    Mutant(
        "embedding: the model run even when every vector was looked up",
        "knowledge/embedding.py",
        (
            "        if missing:  # (all looked up: the model is not run at all)\n          "
            "  found.update(zip(missing, self._run(missing), strict=True))\n"
        ),
        "        found.update(zip(missing, self._run(missing), strict=True))\n",
        (
            (
                "tests/test_embedding.py::test_training_texts_are_kept_on_disk_and_a_broken_sto"
                "re_is_embedded_again"
            ),
        ),
    ),
    Mutant(
        "ranker: candidates not chosen by the meaning signal on a large FAQ",
        "knowledge/ranker.py",
        "self._candidates(lexical, word_cos, best_word, best_meaning)",
        "self._candidates(lexical, word_cos, best_word)",
        ("tests/test_matcher.py::test_candidate_only_signals_equal_the_full_computation",),
    ),
    Mutant(
        "ranker: look-alike letters embedded as typed",
        "knowledge/ranker.py",
        (
            "        return self.embedder.embed([normalize.latin_look_alikes(t) for t in te"
            "xts], store=store)\n"
        ),
        "        return self.embedder.embed(texts, store=store)\n",
        (
            (
                "tests/test_matcher.py::test_a_question_with_look_alike_letters_of_other_alphab"
                "ets_is_answered_as_typed"
            ),
        ),
    ),
    Mutant(
        "the wheel leaves out the seed of the shipped texts' vectors",
        "pyproject.toml",
        '"data/minilm/*.json", "data/minilm/*.npz"]',
        '"data/minilm/*.json"]',
        ("tests/test_embedding.py::test_the_files_the_model_reads_go_into_the_wheel",),
    ),
    Mutant(
        "ranker: meaning cosines in single precision (depend on the batch)",
        "knowledge/ranker.py",
        (
            "        questions = vectors.astype(np.float64)\n        return questions @ self.exa"
            "mple_meaning.T, questions\n"
        ),
        (
            "        questions = vectors.astype(np.float32)\n        return questions @ self.exa"
            "mple_meaning.T.astype(np.float32), questions\n"
        ),
        (
            (
                "tests/test_matcher.py::test_a_questions_signals_do_not_depend_on_the_others_sc"
                "ored_with_it"
            ),
        ),
    ),
    Mutant(
        (
            "questions are matched on the event loop (a new question's embedding holds up e"
            "very other event)"
        ),
        "bot/answering.py",
        (
            "    return await asyncio.get_running_loop().run_in_executor(ASKING, knowledge."
            "ask, asked)"
        ),
        "    return knowledge.ask(asked)",
        ("tests/test_asking.py::test_the_event_loop_goes_on_while_a_new_question_is_matched",),
    ),
    Mutant(
        "post answered though closed while its question was matched",
        "bot/cogs/answers.py",
        (
            "        if closed(thread):\n            # Closed while its question was matched"
            ' (behind others on the answering thread).\n            log.info("forum post %s '
            'was closed while it was answered: not answering it", thread.id)\n            re'
            "turn DONE\n"
        ),
        "",
        ("tests/test_bot_e2e.py::test_a_post_closed_while_its_question_is_matched_stays_closed",),
    ),
    Mutant(
        "mention's post looked at before its question is matched, not after",
        MENTIONS,
        (
            "            rejected = await self._rejected(target.id)\n            reply = awa"
            "it build_reply(\n                self.bot, question, asker_id=target.author.id,"
            " rejected=rejected\n            )\n            if closed_since(message.channel):"
            "\n"
        ),
        (
            "            rejected = await self._rejected(target.id)\n            if closed_s"
            "ince(message.channel):\n                return DONE\n            reply = await b"
            "uild_reply(\n                self.bot, question, asker_id=target.author.id, rej"
            "ected=rejected\n            )\n            if False:\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_post_closed_while_a_mentions_question_is_matched"
                "_stays_closed"
            ),
        ),
    ),
    Mutant(
        "edited post's answer looked at after a stop began",
        "bot/edited_posts.py",
        "    if bot.stopping:\n        # Stopped while the post was matched",
        "    if False:\n        # Stopped while the post was matched",
        ("tests/test_bot_e2e.py::test_a_post_edited_as_the_bot_stops_logs_no_traceback",),
    ),
    Mutant(
        "mention deleted while matched is replied to (refused, warning, retry)",
        MENTIONS,
        (
            "            if self.bot.deleted_lately.seen(target.id):\n                # Dele"
            "ted meanwhile (PluralKit"
        ),
        "            if False:\n                # Deleted meanwhile (PluralKit",
        (
            (
                "tests/test_bot_e2e.py::test_a_mention_deleted_while_its_question_is_matched_ge"
                "ts_no_reply_and_no_warning"
            ),
        ),
    ),
    Mutant(
        "a SQLite store used after its close reopens it (a connection thread nobody closes)",
        "bot/storage/sqlite.py",
        (
            "            if self._closed:\n                raise closed_store(self.path)\n   "
            "         await self.open()"
        ),
        "            await self.open()",
        (
            (
                "tests/test_storage.py::test_a_store_used_after_its_close_refuses_and_opens_not"
                "hing[sqlite]"
            ),
        ),
    ),
    Mutant(
        "a PostgreSQL store used after its close opens a new pool",
        "bot/storage/postgres.py",
        (
            '            if self._closed:\n                raise closed_store("the PostgreSQ'
            'L database")\n'
        ),
        "",
        (
            (
                "tests/test_storage.py::test_a_store_used_after_its_close_refuses_and_opens_not"
                "hing[postgres]"
            ),
        ),
    ),
    Mutant(
        "a SQLite read given up behind a locked write says 'cannot write to'",
        "bot/storage/sqlite.py",
        '        async with self._turn("read"):',
        "        async with self._turn():",
        (
            (
                "tests/test_storage.py::test_a_read_kept_waiting_behind_a_locked_write_says_it_"
                "cannot_read"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord under /schedule's chart being drawn (not let finish)",
        "bot/cogs/calculators.py",
        (
            "        with self.bot.replying():\n            await self._send_schedule(intera"
            "ction, inp, result, private, note)\n"
        ),
        "        await self._send_schedule(interaction, inp, result, private, note)\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_while_schedule_draws_its_chart_lets_the_"
                "chart_go"
            ),
        ),
    ),
    Mutant(
        (
            "a stop does not wait for the catch-up's forgetting of a post deleted while the"
            " bot was down"
        ),
        CATCH_UP,
        (
            "                with self._deletion([thread_id]):\n                    await se"
            "lf._forget([thread_id], channel_id=thread_id)\n"
        ),
        "                await self._forget([thread_id], channel_id=thread_id)\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_lets_the_catch_up_forget_a_post_deleted_"
                "while_the_bot_was_down"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord and the database under a confirmed /faq-admin forget",
        "bot/confirm.py",
        (
            "            with self.bot.replying():\n                await interaction.respon"
            "se.defer()\n                said = await self._said()\n                await int"
            "eraction.edit_original_response(\n                    content=said, view=self, "
            "allowed_mentions=NO_PINGS\n                )\n"
        ),
        (
            "            await interaction.response.defer()\n            said = await self._"
            "said()\n            await interaction.edit_original_response(\n                c"
            "ontent=said, view=self, allowed_mentions=NO_PINGS\n            )\n"
        ),
        ("tests/test_bot_e2e.py::test_a_stop_lets_a_confirmed_forget_finish_and_say_so",),
    ),
    Mutant(
        "a stop closes Discord under an entry form's save and reload",
        "bot/cogs/faq_admin.py",
        (
            "            with self.cog.bot.replying():\n                await self._submit(i"
            "nteraction)\n"
        ),
        "            await self._submit(interaction)\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_an_edit_reloads_lets_the_moder"
                "ator_be_told"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord under a review decision's reload",
        "bot/review.py",
        (
            "        with self.bot.replying():\n            await interaction.response.defer"
            "()\n            note = await decide("
        ),
        (
            "        if True:\n            await interaction.response.defer()\n            no"
            "te = await decide("
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_a_review_decision_reloads_lets"
                "_the_moderator_be_told"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord under /faq-admin reload",
        "bot/cogs/faq_admin.py",
        (
            "        with self.bot.replying():\n            await interaction.response.defer"
            "(ephemeral=True, thinking=True)\n            who = who_of(interaction.user)\n"
        ),
        (
            "        if True:\n            await interaction.response.defer(ephemeral=True, "
            "thinking=True)\n            who = who_of(interaction.user)\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reloads_lets_the_mod"
                "erator_be_told[reload-options0-FAQ reloaded]"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord under /faq-admin alias's save and reload",
        "bot/cogs/faq_admin.py",
        "        with self.bot.replying():\n            await self._add_alias(",
        "        if True:\n            await self._add_alias(",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reloads_lets_the_mod"
                "erator_be_told[alias-options1-Saved]"
            ),
        ),
    ),
    Mutant(
        "a file name's non-UTF-8 byte goes to the mod log as a lone surrogate",
        "bot/mod_log.py",
        "        for chunk in _chunks(not_utf8.readable(text)):",
        "        for chunk in _chunks(text):",
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_the_mod_log"
            ),
        ),
    ),
    Mutant(
        "a stop closes Discord under a calculator's result Discord is slow to take",
        "bot/cogs/calculators.py",
        (
            "    with cast(RolloverBot, interaction.client).replying():\n        await inter"
            "action.response.send_message("
        ),
        "    if True:\n        await interaction.response.send_message(",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_while_discord_is_slow_to_take_a_calculat"
                "ors_result_lets_it_go"
            ),
        ),
    ),
    Mutant(
        "a post edited while its answer is matched gets the answer unmarked",
        "bot/cogs/answers.py",
        "        if self._being_answered(message.id):\n",
        "        if False:\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_question_is_matched_has_it"
                "s_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a post renamed while its answer is matched gets the answer unmarked",
        "bot/cogs/answers.py",
        "        if self._being_answered(after.id):\n",
        "        if False:\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_question_is_matched_has_it"
                "s_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a post changed while its answer is matched is never looked at again",
        "bot/cogs/answers.py",
        "        if post_id not in self._changed_meanwhile:\n",
        "        if True:\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_question_is_matched_has_it"
                "s_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a post changed while its first answer is matched is not looked at once it is sent",
        "bot/cogs/answers.py",
        "            await self._sent_post(starter.id)\n",
        "            pass\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_question_is_matched_has_it"
                "s_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a post edited while its retried answer is matched is not looked at once it is sent",
        "bot/cogs/answers.py",
        "            await self._sent_post(owed.message_id)\n",
        "            pass\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_post_edited_while_its_retried_answer_is_match"
                "ed_has_the_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a post changed while answered is looked at only for answers newer than the change",
        "bot/cogs/answers.py",
        "        await recheck_answers(self.bot, thread, starter, just_changed=True)\n",
        "        await recheck_answers(self.bot, thread, starter)\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_question_is_matched_has_it"
                "s_answer_rechecked"
            ),
            (
                "tests/test_faults_e2e.py::test_a_post_edited_while_its_retried_answer_is_match"
                "ed_has_the_answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a stop cuts /faq-admin validate off unanswered",
        "bot/cogs/faq_admin.py",
        "        with self.bot.replying():  # (a stop lets it finish, as a reload)\n",
        "        if True:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reads_lets_the_moder"
                "ator_be_told[validate-validate_folder-All ]"
            ),
        ),
    ),
    Mutant(
        "a stop cuts /faq-admin gaps off unanswered",
        "bot/cogs/faq_admin.py",
        "        with self.bot.replying():  # (a stop lets the moderator have them)\n",
        "        if True:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reads_lets_the_moder"
                "ator_be_told[gaps-open_gaps-No unanswered questions]"
            ),
        ),
    ),
    Mutant(
        "a stop cuts /faq-admin review off unanswered",
        "bot/cogs/faq_admin.py",
        "        with self.bot.replying():  # (a stop lets the queue be shown)\n",
        "        if True:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reads_lets_the_moder"
                "ator_be_told[review-open_items-Review queue]"
            ),
        ),
    ),
    Mutant(
        "a stop cuts /faq-admin stats off unanswered",
        "bot/cogs/faq_admin.py",
        "        with self.bot.replying():  # (a stop lets the page be shown)\n",
        "        if True:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_faq_admin_reads_lets_the_moder"
                "ator_be_told[stats-stats_page-FAQ usage and feedback]"
            ),
        ),
    ),
    Mutant(
        "a stop cuts a calculator result's working off as Discord is slow to take it",
        "bot/cogs/calculators.py",
        (
            "        with cast(RolloverBot, interaction.client).replying():  # (a stop lets"
            " it go, as _reply)\n"
        ),
        "        if True:\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_stop_while_discord_is_slow_to_take_a_results_"
                "working_lets_it_go"
            ),
        ),
    ),
    Mutant(
        "cuts /faq-admin gaps at 4,000 inside a line",
        "bot/cogs/faq_admin.py",
        (
            "                description=fit_lines(\n                    lines, 4000, lambda"
            ' n: f"…and {n} more (`rollover-bot faq gaps` lists them)."\n                ),\n'
        ),
        '                description="\\n".join(lines)[:4000],\n',
        (
            (
                "tests/test_moderation_e2e.py::test_gaps_with_long_questions_show_whole_lines_a"
                "nd_count_the_rest"
            ),
        ),
    ),
    Mutant(
        (
            "the catch-up marks an answer 'the post was edited' when only the FAQ changed s"
            "ince (a deploy, a review decision)"
        ),
        "bot/edited_posts.py",
        (
            "            if entry is None or not (just_changed or changed_after(starter, me"
            "ssage, messages)):\n"
        ),
        "            if entry is None:\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_not_edited_keeps_its_answer_unmarked_when_t"
                "he_faq_changed_meanwhile"
            ),
        ),
    ),
    Mutant(
        "a post renamed live to ask something else keeps its answer unmarked",
        "bot/cogs/answers.py",
        "            await recheck_answers(self.bot, after, starter, just_changed=True)\n",
        "            await recheck_answers(self.bot, after, starter)\n",
        ("tests/test_bot_e2e.py::test_an_answer_to_a_post_edited_to_another_question_says_so",),
    ),
    Mutant(
        "an /ask behind questions being matched waits past Discord's 3 s unacknowledged",
        "bot/answering.py",
        (
            "        if not done:\n            await interaction.response.defer(thinking=Tru"
            "e, ephemeral=ephemeral)\n"
        ),
        "",
        (
            (
                "tests/test_bot_e2e.py::test_an_ask_behind_questions_being_matched_is_acknowled"
                "ged_then_answered"
            ),
            (
                "tests/test_bot_e2e.py::test_answer_with_faq_behind_questions_being_matched_is_"
                "acknowledged_then_shown"
            ),
        ),
    ),
    Mutant(
        "Answer with FAQ behind questions being matched waits past Discord's 3 s unacknowledged",
        "bot/cogs/point.py",
        (
            "            menus = await in_time(interaction, entry_options(self.bot, questio"
            "n), ephemeral=True)\n"
        ),
        "            menus = await entry_options(self.bot, question)\n",
        (
            (
                "tests/test_bot_e2e.py::test_answer_with_faq_behind_questions_being_matched_is_"
                "acknowledged_then_shown"
            ),
        ),
    ),
    Mutant(
        "Answer with FAQ guesses its entries on the event loop",
        "bot/cogs/point.py",
        (
            "    guesses = [h.id for h in (await ranked(kb, text))[:GUESSES] if h.score > 0"
            "] if text else []\n"
        ),
        (
            "    guesses = [h.id for h in kb.matcher.score_all(text)[:GUESSES] if h.score >"
            " 0] if text else []\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_answer_with_faq_behind_questions_being_matched_is_"
                "acknowledged_then_shown"
            ),
        ),
    ),
    Mutant(
        "a stop cuts Answer with FAQ off while its guesses are made",
        "bot/cogs/point.py",
        "        with self.bot.replying():\n            menus = await in_time(",
        "        if True:\n            menus = await in_time(",
        (
            (
                "tests/test_bot_e2e.py::test_a_stop_while_answer_with_faq_guesses_lets_the_menu"
                "_be_shown"
            ),
        ),
    ),
    Mutant(
        "a refused reload shows U+FFFD for a name that is not UTF-8 without saying why",
        "bot/cogs/faq_admin.py",
        '    note = f"\\n{not_utf8.NOTE}" if lines != written else ""\n',
        '    note = ""\n',
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_moderators_replies"
            ),
        ),
    ),
    Mutant(
        "a refused reload names a file or folder that is not UTF-8 with a lone surrogate",
        "bot/cogs/faq_admin.py",
        (
            "    written = [str(p) for p in problems]\n    lines = [not_utf8.shown(line) for"
            " line in written]  # (a file's name, say)\n"
        ),
        "    written = [str(p) for p in problems]\n    lines = written\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_moderators_replies"
            ),
        ),
    ),
    Mutant(
        "the log says a refused reload's non-UTF-8 path byte as a lone surrogate",
        "bot/app.py",
        '                    log.warning("FAQ reload refused: %s", not_utf8.shown(str(problem)))\n',
        '                    log.warning("FAQ reload refused: %s", problem)\n',
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_moderators_replies"
            ),
        ),
    ),
    Mutant(
        "validate's problems fill the message before its notices",
        "bot/cogs/faq_admin.py",
        "        MESSAGE_LIMIT - len(notices),\n",
        "        MESSAGE_LIMIT,\n",
        (
            (
                "tests/test_moderation_e2e.py::test_validate_with_many_problems_still_shows_its"
                "_notices_whole"
            ),
        ),
    ),
    Mutant(
        (
            "/faq-admin validate with the FAQ folder gone lists 'path:0: FAQ folder does no"
            "t exist' again"
        ),
        "bot/cogs/faq_admin.py",
        "if (gone := gone_folder(scan.problems)) is not None:  # (no file to fix, as reload)\n",
        (
            "if (gone := gone_folder(scan.problems)) is not None and False:  # (no file to "
            "fix, as reload)\n"
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_reload_with_the_faq_folder_gone_says_to_p"
                "ut_it_back"
            ),
        ),
    ),
    Mutant(
        "/faq-admin validate names a file that is not UTF-8 with a lone surrogate",
        "bot/cogs/faq_admin.py",
        "        lines = [not_utf8.shown(line) for line in written]  # (a file's name, say)\n",
        "        lines = written\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_moderators_replies"
            ),
        ),
    ),
    Mutant(
        "/faq-admin validate shows U+FFFD for a name that is not UTF-8 without saying why",
        "bot/cogs/faq_admin.py",
        '            head = f"{head}{not_utf8.NOTE}\\n"\n',
        "            pass\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_file_name_that_is_not_utf8_reads_as_a_rep"
                "lacement_in_moderators_replies"
            ),
        ),
    ),
    Mutant(
        (
            "a reply to an interaction acknowledged meanwhile (/ask, Answer with FAQ) is se"
            "nt as a second response (refused)"
        ),
        "bot/replies.py",
        "    if interaction.response.is_done():\n        return interaction.followup.send\n",
        "    if False:\n        return interaction.followup.send\n",
        (
            (
                "tests/test_bot_e2e.py::test_an_ask_behind_questions_being_matched_is_acknowled"
                "ged_then_answered"
            ),
            (
                "tests/test_bot_e2e.py::test_answer_with_faq_behind_questions_being_matched_is_"
                "acknowledged_then_shown"
            ),
        ),
    ),
    Mutant(
        "the review guesses its entries on the event loop",
        "bot/review.py",
        "            hits = await ranked(self.bot.knowledge, item.example)\n",
        "            hits = self.bot.knowledge.matcher.score_all(item.example)\n",
        (
            (
                "tests/test_moderation_e2e.py::test_the_review_guesses_its_entries_on_the_answe"
                "ring_thread"
            ),
        ),
    ),
    Mutant(
        "a review page drawn after another click paged lists the item it guessed for's guesses",
        "bot/review.py",
        "            if self.item is item:\n",
        "            if True:\n",
        (
            (
                "tests/test_moderation_e2e.py::test_a_page_drawn_while_another_click_paged_list"
                "s_its_own_items_guesses"
            ),
        ),
    ),
    Mutant(
        "a review page after the first lists no guesses",
        "bot/review.py",
        "        self._render_components(await self._guess())\n",
        "        self._render_components([])\n",
        (
            (
                "tests/test_moderation_e2e.py::test_the_review_guesses_its_entries_on_the_answe"
                "ring_thread"
            ),
        ),
    ),
    Mutant(
        "the review's first page lists no guesses",
        "bot/review.py",
        "        view._render_components(await view._guess())\n",
        "        view._render_components([])\n",
        (
            (
                "tests/test_moderation_e2e.py::test_the_review_guesses_its_entries_on_the_answe"
                "ring_thread"
            ),
        ),
    ),
    Mutant(
        "a post edited while its claim is awaited is not noted as one in flight",
        "bot/cogs/answers.py",
        "            self._claiming.add(starter.id)\n",
        "            pass\n",
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_answer_is_claimed_has_one_"
                "answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "an edit looks only at replies being sent, not at posts being claimed",
        "bot/cogs/answers.py",
        "        if self._being_answered(message.id):\n",
        '        if ("post", message.id) in self._sending:\n',
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_answer_is_claimed_has_one_"
                "answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "a review page clicked as the bot stops is cut off",
        "bot/review.py",
        (
            "        with self.bot.replying():\n            await interaction.response.defer"
            "()\n            self.index = min("
        ),
        (
            "        if True:\n            await interaction.response.defer()\n            se"
            "lf.index = min("
        ),
        (
            (
                "tests/test_moderation_e2e.py::test_a_stop_while_a_review_page_is_guessed_lets_"
                "the_page_be_shown"
            ),
        ),
    ),
    Mutant(
        "a mention edited into a post whose claim is awaited is answered beside the post",
        "bot/cogs/answers.py",
        (
            "            self._being_answered(message.id)\n            or await self._post_s"
            "till_owed(message.id)\n"
        ),
        (
            '            ("post", message.id) in self._sending\n            or await self._p'
            "ost_still_owed(message.id)\n"
        ),
        (
            (
                "tests/test_bot_e2e.py::test_a_post_edited_while_its_answer_is_claimed_has_one_"
                "answer_rechecked"
            ),
        ),
    ),
    Mutant(
        "faq show names entries close to punctuation alone",
        "knowledge/base.py",
        "        if not any(c.isalnum() for c in typed):\n            return []\n",
        "",
        ("tests/test_cli_ask.py::test_faq_show_names_nothing_close_for_gibberish_or_punctuation",),
    ),
    Mutant(
        "faq show names entries close to gibberish by meaning's fractions of a point",
        "knowledge/base.py",
        "        return [hit for hit in hits if hit.score >= CLOSE_FLOOR]\n",
        "        return [hit for hit in hits if hit.score > 0]\n",
        ("tests/test_cli_ask.py::test_faq_show_names_nothing_close_for_gibberish_or_punctuation",),
    ),
    Mutant(
        "faq review stops with a traceback on a row edited by hand",
        "bot/storage/sqlite.py",
        '                rows = readable(rows, REVIEW_ROW, "stored question")\n',
        "",
        ("tests/test_storage.py::test_cli_gaps_and_review_leave_out_rows_edited_by_hand",),
    ),
    Mutant(
        "faq gaps stops with a traceback on a row edited by hand",
        "bot/storage/sqlite.py",
        (
            '            return gaps_of_rows(readable(rows, GAP_ROW, "stored question"), revie'
            "wed, when, limit)\n"
        ),
        "            return gaps_of_rows(rows, reviewed, when, limit)\n",
        ("tests/test_storage.py::test_cli_gaps_and_review_leave_out_rows_edited_by_hand",),
    ),
    Mutant(
        "a stored row's values are taken whatever their kind",
        "bot/storage/sqlite.py",
        "        elif isinstance(value, bool) or not isinstance(value, kind):\n",
        "        elif False:\n",
        ("tests/test_storage.py::test_cli_gaps_and_review_leave_out_rows_edited_by_hand",),
    ),
    Mutant(
        "a whole number typed as -0 is refused as negative",
        "calculators/parse.py",
        (
            '        if body.strip("0") in _MINUS:  # (-0 is 0, as an amount\'s is: no negat'
            "ive to refuse)\n"
        ),
        "        if False:\n",
        ("tests/test_calc_cli.py::test_a_whole_number_typed_as_minus_zero_is_zero",),
    ),
    Mutant(
        "a question that begins with a dash gets no hint to put it after --",
        "bot/cli/__init__.py",
        '        if not strays:\n            return ""\n',
        '        if True:\n            return ""\n',
        ("tests/test_cli_ask.py::test_a_question_that_begins_with_a_dash_is_told_how_to_give_it",),
    ),
    Mutant(
        "a missing option's error hints to put a value after --",
        "bot/cli/__init__.py",
        '        if not message.startswith(required) or all(m.startswith("-") for m in missing):\n',
        "        if not message.startswith(required):\n",
        ("tests/test_cli_ask.py::test_a_question_that_begins_with_a_dash_is_told_how_to_give_it",),
    ),
    Mutant(
        "a FAQ refused for one problem only counts it",
        "bot/cli/common.py",
        "    if len(problems) == 1:\n",
        "    if False:\n",
        ("tests/test_cli_ask.py::test_a_faq_refused_for_one_problem_says_the_problem",),
    ),
    Mutant(
        "onnxruntime writes a device id and telemetry under the user's home",
        "knowledge/embedding.py",
        '        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")\n',
        "",
        ("tests/test_embedding.py::test_the_model_writes_nothing_in_the_users_home",),
    ),
    Mutant(
        "a page short of rows left out ends the review queue's reading",
        "bot/storage/reports.py",
        "            if not rows:  # (not a short page: a store leaves out rows it cannot read)\n",
        "            if len(rows) < page:\n",
        ("tests/test_storage.py::test_rows_left_out_do_not_end_the_review_queues_reading_early",),
    ),
    Mutant(
        "ranker: an entry's best name is taken from another entry's run of names",
        "knowledge/ranker.py",
        (
            "            best[:, named] = np.maximum.reduceat(to_names, np.cumsum(counts) -"
            " counts, axis=1)"
        ),
        (
            "            best[:, named] = np.roll(np.maximum.reduceat(to_names, np.cumsum(c"
            "ounts) - counts, axis=1), 1, axis=1)"
        ),
        (
            "tests/test_embedding.py::test_a_questions_meaning_for_an_entry_is_its_closest_names",
            (
                "tests/test_embedding.py::test_a_question_worded_as_an_entrys_title_means_that_"
                "entry_most"
            ),
        ),
    ),
    Mutant(
        "ranker: an entry's last name is left out of its meaning",
        "knowledge/ranker.py",
        "        counts = self._names_of[scored + 1] - starts\n",
        "        counts = self._names_of[scored + 1] - starts - 1\n",
        ("tests/test_embedding.py::test_a_questions_meaning_for_an_entry_is_its_closest_names",),
    ),
    Mutant(
        "ranker: an entry without names counts as neutral (0), not unlike (-1)",
        "knowledge/ranker.py",
        "        best = np.full((len(questions), len(scored)), -1.0)",
        "        best = np.full((len(questions), len(scored)), 0.0)",
        ("tests/test_embedding.py::test_a_questions_meaning_for_an_entry_is_its_closest_names",),
    ),
    Mutant(
        "ranker: runs laid end to end all start at the first run's start",
        "knowledge/ranker.py",
        (
            "    return np.repeat(starts - ends + counts, counts) + np.arange(ends[-1] if l"
            "en(ends) else 0)"
        ),
        (
            "    return np.repeat(starts[:1] - ends + counts, counts) + np.arange(ends[-1] "
            "if len(ends) else 0)"
        ),
        (
            "tests/test_embedding.py::test_a_questions_meaning_for_an_entry_is_its_closest_names",
            "tests/test_matcher.py::test_candidate_only_signals_equal_the_full_computation",
        ),
    ),
    Mutant(
        "sqlite: an owed reply edited by hand stops the retry queue's readers",
        "bot/storage/sqlite.py",
        '        for row in readable(rows, PENDING_ROW, "owed answer")\n',
        "        for row in rows\n",
        ("tests/test_storage.py::test_owed_replies_edited_by_hand_are_left_out_not_a_stop",),
    ),
    Mutant(
        "sqlite: an owed reply's time written without a zone is read naive",
        "bot/storage/sqlite.py",
        "        pending_from_row(row, lambda value: as_utc(dt.datetime.fromisoformat(value)))\n",
        "        pending_from_row(row, lambda value: dt.datetime.fromisoformat(value))\n",
        ("tests/test_storage.py::test_owed_replies_edited_by_hand_are_left_out_not_a_stop",),
    ),
    Mutant(
        "settings: NaN passes as a figure, refused as too high where it is a threshold",
        "bot/settings.py",
        'SECTION = ConfigDict(extra="forbid", allow_inf_nan=False)',
        'SECTION = ConfigDict(extra="forbid")',
        ("tests/test_settings.py::test_a_figure_that_is_no_finite_number_is_refused_as_such",),
    ),
    Mutant(
        "settings: ROLLOVER_EMBEDDINGS is refused as no such setting",
        "bot/settings.py",
        '_NOT_SETTINGS = frozenset({"config", "cache_dir", "embeddings"})',
        '_NOT_SETTINGS = frozenset({"config", "cache_dir"})',
        (
            (
                "tests/test_settings.py::test_embeddings_turned_off_from_the_environment_or_the"
                "_env_file"
            ),
        ),
    ),
    Mutant(
        "cli: a .env file's ROLLOVER_EMBEDDINGS is not handed to the embedder",
        "bot/cli/common.py",
        "    embedding.use_env_file_switch(switch)\n",
        "    embedding.use_env_file_switch(None)\n",
        (
            (
                "tests/test_settings.py::test_embeddings_turned_off_from_the_environment_or_the"
                "_env_file"
            ),
        ),
    ),
    Mutant(
        "embedding: a .env file's ROLLOVER_EMBEDDINGS wins over the environment's",
        "knowledge/embedding.py",
        '    switch = os.environ.get(SWITCH, "").strip() or _env_file_switch or ""\n',
        '    switch = _env_file_switch or os.environ.get(SWITCH, "").strip() or ""\n',
        (
            (
                "tests/test_settings.py::test_embeddings_turned_off_from_the_environment_or_the"
                "_env_file"
            ),
        ),
    ),
    Mutant(
        "retries: a stop cancels the given-up replies' reports midway",
        "bot/cogs/retries.py",
        "            with self.bot.replying():\n                if expired := await",
        "            if True:\n                if expired := await",
        (
            "tests/test_faults_e2e.py::test_a_stop_lets_the_given_up_replies_be_reported",
            FAULTS + "::test_a_stop_while_expired_replies_are_read_still_reports_them",
        ),
    ),
    Mutant(
        "retries: a stop cancels the read of the expired replies, unreported",
        "bot/cogs/retries.py",
        "            with self.bot.replying():\n"
        "                if expired := await store.expire_replies(max_age_seconds):\n"
        "                    await self._give_up_all(expired)\n",
        "            if expired := await store.expire_replies(max_age_seconds):\n"
        "                with self.bot.replying():\n"
        "                    await self._give_up_all(expired)\n",
        (FAULTS + "::test_a_stop_while_expired_replies_are_read_still_reports_them",),
    ),
    Mutant(
        "retries: a pass begun during a stop expires replies it cannot report",
        "bot/cogs/retries.py",
        "        if not self.bot.stopping:\n",
        "        if True:\n",
        (
            (
                "tests/test_faults_e2e.py::test_a_stopping_bot_leaves_expired_replies_to_the_ne"
                "xt_start"
            ),
        ),
    ),
    Mutant(
        "matcher: a post's own questions are embedded and ranked though it is not answered",
        "knowledge/matcher.py",
        "        ((hits, off_topic),) = self._ranked([text], [1 + t.max_suggestions])\n",
        (
            "        ((hits, off_topic), *_) = self._ranked(\n"
            "            [text, *self._questions(text)],"
            " [1 + t.max_suggestions, *[1] * len(self._questions(text))]\n        )\n"
        ),
        (
            "tests/test_embedding.py::test_a_posts_own_questions_are_embedded_only_once_it_is_answered",
        ),
    ),
    Mutant(
        "a mention deleted as its reply went is a warning and a retry",
        MENTIONS,
        "            if replied_to_gone(exc):\n"
        "                # Deleted after the look above, its event not come yet: as if seen"
        " there.\n",
        "            if False:\n"
        "                # Deleted after the look above, its event not come yet: as if seen"
        " there.\n",
        (
            f"{E2E}::test_a_mention_deleted_while_its_question_is_matched_gets_no_reply_and_no_"
            "warning[late]",
        ),
    ),
    Mutant(
        "a pointed message deleted as the answer is posted is an error for the helper",
        "bot/cogs/point.py",
        "                if replied_to_gone(exc):  # (deleted since it was fetched above)\n",
        "                if False:  # (deleted since it was fetched above)\n",
        (f"{E2E}::test_a_pointed_message_deleted_as_the_answer_is_posted_is_said_deleted",),
    ),
    Mutant(
        "Discord's form error on a reply's deleted message is not read as a deletion",
        "bot/replies.py",
        "    return exc.code == INVALID_FORM and "
        '"In message_reference: Unknown message" in exc.text\n',
        "    return False\n",
        (
            "tests/test_replies.py",
            f"{E2E}::test_a_pointed_message_deleted_as_the_answer_is_posted_is_said_deleted",
        ),
    ),
    Mutant(
        "Discord's Unknown Message on a reply is not read as a deletion",
        "bot/replies.py",
        "    if exc.code == UNKNOWN_MESSAGE:\n        return True\n",
        "",
        ("tests/test_replies.py",),
    ),
    Mutant(
        "a taught example edited by hand stops reading the taught examples",
        "bot/storage/sqlite.py",
        "            for text, entry_id, message_id, by_hash, at in readable(\n"
        '                rows, TAUGHT_ROW, "taught example"\n'
        "            )\n",
        "            for text, entry_id, message_id, by_hash, at in rows\n",
        (STORAGE + "::test_taught_examples_edited_by_hand_are_left_out_not_a_traceback",),
    ),
    Mutant(
        "faq validate prints a name that is not UTF-8 as the terminal mangles it",
        "bot/cli/faq.py",
        "    for line in readable_lines(lines):\n",
        "    for line in lines:\n",
        ("tests/test_faq_validation.py::test_cli_validate_shows_a_name_that_is_not_utf8_readably",),
    ),
    Mutant(
        "a report's lines not UTF-8 are shown without saying why",
        "bot/not_utf8.py",
        "    return lines if out == lines else [*out, NOTE]\n",
        "    return out\n",
        ("tests/test_faq_validation.py::test_cli_validate_shows_a_name_that_is_not_utf8_readably",),
    ),
    Mutant(
        "any refusal of a reply is read as its message's deletion",
        "bot/replies.py",
        "    if not isinstance(exc, discord.HTTPException) or exc.status != 400:\n"
        "        return False\n",
        "    if not isinstance(exc, discord.HTTPException):\n"
        "        return False\n    return True\n",
        ("tests/test_replies.py",),
    ),
    Mutant(
        "a slow-down notice Discord did not take still silences the member's next mention",
        MENTIONS,
        "            self._slowed.discard(message.author.id)\n"
        "            if replied_to_gone(exc):\n",
        "            if replied_to_gone(exc):\n",
        (
            "tests/test_limits_e2e.py::test_a_slow_down_notice_not_given_is_said_plainly_and_given_"
            "at_the_next_mention",
        ),
    ),
    Mutant(
        "a slow-down notice refused as its message was deleted is a warning",
        MENTIONS,
        "            if replied_to_gone(exc):\n"
        '                log.info("message %s was deleted before it was told to slow down"',
        "            if False:\n"
        '                log.info("message %s was deleted before it was told to slow down"',
        (
            "tests/test_limits_e2e.py::test_a_slow_down_notice_not_given_is_said_plainly_and_given_"
            "at_the_next_mention[the message deleted]",
        ),
    ),
    Mutant(
        "a DM hint Discord did not take spends the member's hint for the hour",
        ANSWERS,
        "            self.dm_hints.get(message.author.id).give_back()\n",
        "",
        (f"{E2E}::test_a_direct_message_deleted_before_its_hint_leaves_the_hint_for_the_next",),
    ),
    Mutant(
        "a DM deleted before its hint is a warning",
        ANSWERS,
        "            if replied_to_gone(exc):\n"
        '                log.info("direct message %s was deleted before it was pointed to /ask"',
        "            if False:\n"
        '                log.info("direct message %s was deleted before it was pointed to /ask"',
        (f"{E2E}::test_a_direct_message_deleted_before_its_hint_leaves_the_hint_for_the_next",),
    ),
    Mutant(
        "a link's wrong scheme is told in pydantic's words, which allow the http:// refused next",
        "knowledge/loader.py",
        '    if kind == "url_scheme":\n',
        "    if False:\n",
        (
            "tests/test_faq_validation.py::test_field_problems_say_what_to_write",
            "tests/test_faq_validation.py::test_an_examples_source_must_be_a_web_address",
        ),
    ),
    Mutant(
        "a pay frequency by name is only 'not a whole number'",
        "calculators/parse.py",
        "    if (n := per_year_count(str(text))) is not None:\n",
        "    if False:\n",
        (
            "tests/test_calc_schedule.py::test_console_pay_frequency_words_are_answered_with_their_counts",
            "tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",
        ),
    ),
    Mutant(
        "a pay frequency with a hyphen or spaces is not recognised",
        "calculators/parse.py",
        '    return PER_YEAR_WORDS.get(re.sub(r"[\\s_-]+", "", word).casefold())\n',
        "    return PER_YEAR_WORDS.get(word.casefold())\n",
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "the console's /schedule counts are not checked for frequency words",
        "calculators/base.py",
        "        refuse_per_year_word(value)\n",
        "",
        (
            "tests/test_calc_schedule.py::test_console_pay_frequency_words_are_answered_with_"
            "their_counts",
        ),
    ),
    Mutant(
        "the CLI's --paychecks takes only digits, silent on frequency words",
        "bot/cli/calc.py",
        "count = _arg(parse_per_year)\n",
        "count = _arg(parse_count)\n",
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "--age above 130 is the calculator's error, without the option named",
        "bot/cli/calc.py",
        "minimum=0, maximum=MAX_AGE))\n",
        "minimum=0, maximum=10**9))\n",
        ("tests/test_calc_cli.py::test_bad_input_is_one_error_line_and_exit_2",),
    ),
    Mutant(
        "--chart x.jpg writes a PNG under a .jpg name",
        "bot/cli/calc.py",
        '    if Path(text).suffix.casefold() not in {"", ".png"}:\n',
        "    if False:\n",
        ("tests/test_calc_cli.py::test_a_chart_named_for_another_kind_of_file_is_refused",),
    ),
    Mutant(
        "--chart X.PNG is refused for its capitals",
        "bot/cli/calc.py",
        '    if Path(text).suffix.casefold() not in {"", ".png"}:\n',
        '    if Path(text).suffix not in {"", ".png"}:\n',
        ("tests/test_calc_cli.py::test_a_chart_named_for_another_kind_of_file_is_refused",),
    ),
    Mutant(
        "a file with a problem of its own is left out of the checks across files",
        "knowledge/loader.py",
        "        elif (partial := partial_entry(path, text)) is not None:\n",
        "        elif False:\n",
        (
            "tests/test_faq_validation.py::test_a_copied_alias_or_title_is_told_beside_the_files_own_problem",
        ),
    ),
    Mutant(
        "a list with one wrong item is left out whole from the checks across files",
        "knowledge/loader.py",
        "        if key in items and isinstance(value, list):\n",
        "        if False:\n",
        (
            "tests/test_faq_validation.py::test_a_copied_alias_or_title_is_told_beside_the_files_own_problem",
        ),
    ),
    Mutant(
        "a file's one wrong field hides its other problems",
        "knowledge/loader.py",
        "        if (partial := partial_front_matter(path, parsed.data, exc)) is not None:\n",
        "        if False:\n",
        (
            "tests/test_faq_validation.py::test_a_files_other_problems_are_told_beside_a_wrong_field",
        ),
    ),
    Mutant(
        "a broken file's related ids are not checked",
        "knowledge/loader.py",
        "    for entry in named:\n        for rel in entry.related:\n",
        "    for entry in entries:\n        for rel in entry.related:\n",
        (
            "tests/test_faq_validation.py::test_a_files_other_problems_are_told_beside_a_wrong_field",
        ),
    ),
    Mutant(
        "a list whose every item is wrong is kept empty, and the rest goes unchecked",
        "knowledge/loader.py",
        "            if not value:\n                whole.add(key)\n                continue\n",
        "",
        (
            "tests/test_faq_validation.py::test_a_files_other_problems_are_told_beside_a_wrong_field",
        ),
    ),
    Mutant(
        "front matter that is a list is read for a partial entry",
        "knowledge/loader.py",
        "    except frontmatter.FrontMatterError:  # (YAML that is not 'key: value' fields among",
        "    except KeyError:  # (YAML that is not 'key: value' fields among",
        (
            "tests/test_faq_validation.py::test_a_file_that_is_no_entry_at_all_is_not_checked_"
            "across_files",
        ),
    ),
    Mutant(
        "an edit with a problem of its own is not checked against the other entries",
        "knowledge/editing.py",
        "        cross = check_entries(others, broken, {str(path): text}, [partial] if partial",
        "        cross = ([] if partial",
        (EDIT_WITH_A_MISTAKE,),
    ),
    Mutant(
        "an edit with a problem of its own makes others' related ids to it 'not exist'",
        "knowledge/editing.py",
        "        broken |= {path.stem}\n",
        "",
        (EDIT_WITH_A_MISTAKE,),
    ),
    Mutant(
        "'2 times $10,000' is read as $10,000",
        "calculators/amount_doubts.py",
        'r"(?:\\d\\s*(?:[x\\u00d7*]|times\\b)|',
        'r"(?:\\d\\s*(?:[x\\u00d7*])|',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'$10,000 two times' is read as $10,000",
        "calculators/amount_doubts.py",
        'r"|(?:(?:one|two|three|four|five|six|\\d+)\\s+)?times\\b"',
        'r"|times\\b"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "another account's basis or gains named in its clause are the plan's after-tax money",
        "calculators/amount_doubts.py",
        "    if _OTHER_BASIS.search(clause):\n        return True\n",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an IRA's basis ('Roth IRA basis') is after-tax money",
        "calculators/amount_doubts.py",
        "nondeductible|non-deductible)\\s+basis\\b",
        "nondeductible|non-deductible)\\s+zzz\\b",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'basis in my traditional IRA' is after-tax money",
        "calculators/amount_doubts.py",
        'r"|\\bbasis\\s+(?:is\\s+)?(?:in|of|from)',
        'r"|\\bbasis\\s+(?:is\\s+)?(?:zzz)',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "'earnings in my Roth IRA' are the plan's",
        "calculators/amount_doubts.py",
        "(?:earnings|gains|earned)\\s+(?:in|inside|within)",
        "(?:earnings|gains|earned)\\s+(?:zzz)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "capital gains are the plan's earnings",
        "calculators/amount_doubts.py",
        'r"|\\bcapital\\s+gains?\\b",',
        'r"|\\bzzz\\b",',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an IRA named before an amount's 'basis' does not own it",
        "calculators/amount_doubts.py",
        "(_AFTER_TAX.search(shown) and not named_source(owner))",
        "_AFTER_TAX.search(shown)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "an account the basis goes to ('to my Roth IRA') owns it",
        "calculators/amount_doubts.py",
        '        "" if _TOWARDS.intersection(',
        "        word if _TOWARDS.intersection(",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "ESPP shares' basis and gains are worked through",
        "calculators/amount_doubts.py",
        "    if _SHARES.search(text) and not _AFTER_TAX_WORDS.search(text):\n",
        "    if False:\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "a conflict's '=======' line alone is answer text",
        "knowledge/frontmatter.py",
        '_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\\|{7})(?: |$)|={7}$)", re.MULTILINE)',
        '_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\\|{7})(?: |$))", re.MULTILINE)',
        (
            "tests/test_faq_validation.py::test_a_conflicts_middle_line_left_alone_is_still_a_conflict",
        ),
    ),
    Mutant(
        "a heading underlined with '=' is taken for a conflict",
        "knowledge/frontmatter.py",
        '_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\\|{7})(?: |$)|={7}$)", re.MULTILINE)',
        '_CONFLICT = re.compile(r"^(?:(?:<{7}|>{7}|\\|{7})(?: |$)|={7})", re.MULTILINE)',
        (
            "tests/test_faq_validation.py::test_a_conflicts_middle_line_left_alone_is_still_a_conflict",
        ),
    ),
    Mutant(
        "a copy with its id unchanged makes the original it came from told of its aliases",
        "knowledge/loader.py",
        "            if owner is not None and owner is not entry and owner.id != entry.id:\n",
        "            if owner is not None and owner is not entry:\n",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_with_its_id_unchanged_is_told_in_the_copy_only",
        ),
    ),
    Mutant(
        "a copy before its original by name makes the original told of the copy's duplicates",
        "knowledge/loader.py",
        "key=lambda e: (Path(e.path).stem != e.id, e.path))",
        "key=lambda e: e.path)",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_with_its_id_unchanged_is_told_in_the_copy_only",
        ),
    ),
    Mutant(
        "a duplicate id is told at line 1, not at its id",
        "knowledge/loader.py",
        '                    key_line(lines(dup), "id"),\n',
        "                    1,\n",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_with_its_id_unchanged_is_told_in_the_copy_only",
        ),
    ),
    Mutant(
        "a title in curly quotes is shown with them",
        "knowledge/loader.py",
        "    problems += _quoted_problems(shown, meta, parsed.key_lines)\n",
        "",
        ("tests/test_faq_validation.py::test_a_value_in_curly_quotes_is_told_at_its_line",),
    ),
    Mutant(
        "a title quoting two phrases is taken for one quoted whole",
        "knowledge/loader.py",
        "[^\\u201c\\u201d\\u00bb]*",
        ".*",
        ("tests/test_faq_validation.py::test_quotes_inside_a_title_are_its_text",),
    ),
    Mutant(
        "a site's name with a comma or a stray dash is taken as a link",
        "knowledge/model.py",
        "(label for label in labels if not _SITE_LABEL.fullmatch(label)), None):\n",
        "(label for label in labels if False), None):\n",
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a site's name may end a part with a dash",
        "knowledge/model.py",
        '_SITE_LABEL = re.compile(r"[^\\W_](?:(?:[^\\W_]|-)*[^\\W_])?")',
        '_SITE_LABEL = re.compile(r"[^\\W_](?:[^\\W_]|-)*")',
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a port out of range is 'write the whole address'",
        "knowledge/model.py",
        "    if port and not (port.isdigit() and 0 < int(port) < 65536):\n",
        "    if False:\n",
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a UTF-16 file is 'a character that is not UTF-8' at line 1",
        "knowledge/loader.py",
        '    if raw[:2] in (b"\\xff\\xfe", b"\\xfe\\xff") or _mostly_nul(raw[:200]):\n',
        "    if False:\n",
        (
            "tests/test_faq_validation.py::test_an_empty_file_a_tab_and_another_encoding_are_said_plainly",
        ),
    ),
    Mutant(
        "a character that is not UTF-8 is not named",
        "knowledge/loader.py",
        ' in Windows-1252 or Latin-1" if guess.isprintable() else ""\n',
        ' in Windows-1252 or Latin-1" if False else ""\n',
        (
            "tests/test_faq_validation.py::test_an_empty_file_a_tab_and_another_encoding_are_said_plainly",
        ),
    ),
    Mutant(
        "a key out of line with the one above is told to be quoted",
        "knowledge/frontmatter.py",
        "    if indenting and mark is not None and (misaligned := _misaligned_key(yaml_text, mark",
        "    if False and (misaligned := _misaligned_key(yaml_text, mark",
        (
            "tests/test_faq_validation.py::test_a_sources_url_out_of_line_with_its_title_is_told_to_line_up",
        ),
    ),
    Mutant(
        "a text's colon below a top-level key is told to line up",
        "knowledge/frontmatter.py",
        "    if this.start(2) == that.start(2) or that.start(2) == 0:\n",
        "    if this.start(2) == that.start(2):\n",
        (
            "tests/test_faq_validation.py::test_a_colon_in_a_top_level_value_is_still_told_to_be_quoted",
        ),
    ),
    Mutant(
        "a console answering from the last good FAQ says it answers from the files",
        "bot/console.py",
        "    if broken:  # (the folder as it is now has problems: said, not the files'",
        "    if False:  # (the folder as it is now has problems: said, not the files'",
        (
            "tests/test_console.py::test_a_console_started_from_the_last_complete_faq_says_so_at_the_top",
        ),
    ),
    Mutant(
        "a question both off-topic and filed is told in one file only",
        "knowledge/examples.py",
        "                for one, two in ((example, other), (other, example))\n",
        "                for one, two in ((example, other),)\n",
        ("tests/test_examples.py::test_a_question_both_off_topic_and_filed_is_told_in_both_files",),
    ),
    Mutant(
        "a question both off-topic and filed is not told",
        "knowledge/examples.py",
        "        if other is not example and other.off_topic != example.off_topic:\n",
        "        if False:\n",
        ("tests/test_examples.py::test_a_question_both_off_topic_and_filed_is_told_in_both_files",),
    ),
    Mutant(
        "an entry named by its file in related is 'not a valid entry id'",
        "knowledge/loader.py",
        '.removesuffix(".md")) and stem != typed:\n',
        '.removesuffix(".md")) and False:\n',
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "an entry named by its title in related is 'not a valid entry id'",
        "knowledge/loader.py",
        "        if len(typed.split()) > 2:\n",
        "        if False:\n",
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a mistyped related id is not told the id it is most like",
        "knowledge/loader.py",
        '    return f": did you mean \'{found[0]}\'?" if found else ""\n',
        '    return ""\n',
        (
            "tests/test_faq_validation.py::test_a_related_id_mistyped_is_told_the_id_it_is_most_like",
        ),
    ),
    Mutant(
        "any id is suggested for a mistyped related id",
        "knowledge/loader.py",
        "scorer=fuzz.ratio, score_cutoff=85)",
        "scorer=fuzz.ratio, score_cutoff=0)",
        (
            "tests/test_faq_validation.py::test_a_related_id_mistyped_is_told_the_id_it_is_most_like",
        ),
    ),
    Mutant(
        "a field written below the front matter is published as answer text",
        "knowledge/loader.py",
        "        if not fenced and (found := _FIELD_IN_BODY.match(text_line)):\n",
        "        if False and (found := _FIELD_IN_BODY.match(text_line)):\n",
        (
            "tests/test_faq_validation.py::test_a_field_written_below_the_front_matter_is_told_at_its_line",
        ),
    ),
    Mutant(
        "front matter shown in a code block of the answer is taken for a field",
        "knowledge/loader.py",
        '        fenced ^= text_line.startswith("```")\n',
        "",
        (
            "tests/test_faq_validation.py::test_a_field_written_below_the_front_matter_is_told_at_its_line",
        ),
    ),
    Mutant(
        "a field name anywhere in a line of the answer is taken for a field",
        "knowledge/loader.py",
        "(found := _FIELD_IN_BODY.match(text_line))",
        "(found := _FIELD_IN_BODY.search(text_line))",
        (
            "tests/test_faq_validation.py::test_a_field_written_below_the_front_matter_is_told_at_its_line",
        ),
    ),
    Mutant(
        "a list item's place is counted from 0 again",
        "knowledge/loader.py",
        '        item = f"{_ITEM_NAMES.get(str(loc[0]), loc[0])} {loc[1] + 1}"\n',
        '        item = f"{_ITEM_NAMES.get(str(loc[0]), loc[0])} {loc[1]}"\n',
        (
            "tests/test_faq_validation.py::test_field_problems_say_what_to_write",
            "tests/test_faq_validation.py::test_examples_field_problems_say_what_to_write",
        ),
    ),
    Mutant(
        "a source's missing url is told as a missing field of the entry",
        "knowledge/loader.py",
        '        elif err["type"] == "missing" and len(loc) > 2:  # (in a source)\n',
        '        elif err["type"] == "missing" and len(loc) > 3:  # (in a source)\n',
        ("tests/test_faq_validation.py::test_field_problems_say_what_to_write",),
    ),
    Mutant(
        "a first-column key is looked for only above YAML's line",
        "knowledge/frontmatter.py",
        "range(index if at_key else index - 1, -1, -1)",
        "range(index - 1, -1, -1)",
        (
            "tests/test_faq_validation.py::test_an_examples_field_at_the_first_column_is_told_to_be_indented",
        ),
    ),
    Mutant(
        "a first-column key after any line is taken for an item's",
        "knowledge/frontmatter.py",
        'item is None or "- " not in item[0]:',
        "item is None:",
        ("tests/test_faq_validation.py",),
    ),
    Mutant(
        "the indent told is the item's dash's",
        "knowledge/frontmatter.py",
        'f"{item.start(2)} spaces',
        'f"{item.start(1)} spaces',
        (
            "tests/test_faq_validation.py::test_a_sources_url_at_the_first_column_is_told_to_be_indented",
        ),
    ),
    Mutant(
        "the first-column key check is skipped",
        "knowledge/frontmatter.py",
        "(outdented := _outdented_key(yaml_text, mark.line))",
        "(outdented := None)",
        (
            "tests/test_faq_validation.py::test_a_sources_url_at_the_first_column_is_told_to_be_indented",
            "tests/test_faq_validation.py::test_an_examples_field_at_the_first_column_is_told_to_be_indented",
        ),
    ),
    Mutant(
        "a UTF-16 file without its byte-order mark is read as UTF-8",
        "knowledge/loader.py",
        "    if _mostly_nul(text[:200]):\n",
        "    if False:\n",
        (
            "tests/test_faq_validation.py::test_an_empty_file_a_tab_and_another_encoding_are_said_plainly",
            "tests/test_faq_editing.py::test_an_unreadable_examples_file_gives_a_clear_refusal",
        ),
    ),
    Mutant(
        "an id's fix names the original's file again",
        "knowledge/loader.py",
        '_another_file(Path(shown), f"{meta.id}.md")',
        "False",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_with_its_id_unchanged_is_told_in_the_copy_only",
        ),
    ),
    Mutant(
        "extra answers at the threshold before, where nearly half were wrong",
        "knowledge/tuning.py",
        "also_threshold: float = Field(default=94.0, ge=0, le=100)",
        "also_threshold: float = Field(default=85.0, ge=0, le=100)",
        ("tests/test_matcher.py::test_extra_answers_to_a_posts_other_questions_are_seldom_wrong",),
    ),
    Mutant(
        "the command line's own name is not read before 'calc'",
        "calculators/catalog.py",
        "start = 1 if words[:1] and _program(words[0]) == _COMMAND_LINE[0] else 0",
        "start = 0",
        (
            "tests/test_cli_ask.py::test_a_command_line_pasted_as_the_question_is_pointed_at_the_calculator",
        ),
    ),
    Mutant(
        "a command line's option=value is read whole",
        "calculators/catalog.py",
        '            option, _, value = word.partition("=")\n',
        '            option, value = word, ""\n',
        ("tests/test_console.py::test_a_command_line_pasted_runs_its_calculator",),
    ),
    Mutant(
        "the console answers a pasted command line as a question",
        "bot/console.py",
        "if (slash := from_command_line(text)) is not None and calculator_typed(slash):",
        "if False:",
        ("tests/test_console.py::test_a_command_line_pasted_runs_its_calculator",),
    ),
    Mutant(
        "a value's trailing comma is told as misplaced thousands",
        "calculators/parse.py",
        '            body.endswith(",")\n            and listed.strip(".")',
        '            body.endswith(";")\n            and listed.strip(".")',
        (
            "tests/test_calc_audit.py::test_unclear_amounts_are_refused_with_a_reason",
            "tests/test_console.py::test_values_separated_by_commas_are_told_to_be_spaced",
        ),
    ),
    Mutant(
        "a lone comma is told to separate values",
        "calculators/parse.py",
        '            and listed.strip(".")\n',
        "",
        ("tests/test_calc_audit.py::test_unclear_amounts_are_refused_with_a_reason",),
    ),
    Mutant(
        "'10k,' is not read as a listed value",
        "calculators/parse.py",
        "(_AMOUNT.fullmatch(listed) or _THOUSANDS.fullmatch(listed))",
        "_AMOUNT.fullmatch(listed)",
        ("tests/test_calc_audit.py::test_unclear_amounts_are_refused_with_a_reason",),
    ),
    Mutant(
        "an age typed wrong is given a child's age as the example",
        "calculators/base.py",
        "Age = Annotated[int, BeforeValidator(_text_age), AfterValidator(_age)]",
        "Age = Annotated[int, BeforeValidator(_text_int), AfterValidator(_age)]",
        ("tests/test_console.py::test_bad_input_is_a_friendly_line",),
    ),
    Mutant(
        "two different rates give the first",
        "calculators/from_text.py",
        "    return found.pop() if len(found) == 1 else None\n",
        "    return found.pop() if found else None\n",
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "the asker's tax rate is left out of the worked example",
        "bot/worked_example.py",
        '        options["tax_rate"] = rate\n',
        "        pass\n",
        (
            "tests/test_calc_audit.py::test_the_worked_example_estimates_the_tax_at_the_askers_stated_rate",
        ),
    ),
    Mutant(
        "quoted text is read as the asker's own",
        "calculators/from_text.py",
        '    plain = _QUOTED.sub(" ", plain_hyphens(text))\n',
        "    plain = plain_hyphens(text)\n",
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "a rate asked about is taken as said",
        "calculators/from_text.py",
        '        if plain[match.end() :].lstrip().startswith("?"):\n',
        "        if False:\n",
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "a second percentage beside the rate is ignored",
        "calculators/from_text.py",
        "        if len(_ANY_PERCENT.findall(sentence)) > 1:\n",
        "        if False:\n",
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "a rate of another time, tax or doubt is taken",
        "calculators/from_text.py",
        "        if NOT_NOW_WORDS.intersection(words(sentence)):\n",
        "        if False:\n",
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "a rate's sentence is cut at a decimal point",
        "calculators/from_text.py",
        '_BOUNDARY = re.compile(r"[?!;\\n]|\\.(?![0-9])")',
        '_BOUNDARY = re.compile(r"[?!;\\n.]")',
        (
            "tests/test_calc_audit.py::test_a_tax_rate_is_read_only_when_it_is_the_one_the_asker_pays_now",
        ),
    ),
    Mutant(
        "a source's field at the first column is told twice again",
        "knowledge/loader.py",
        "    outdented = _outdented_source_fields(errors)\n",
        "    outdented: dict[str, int] = {}\n",
        (
            "tests/test_faq_validation.py::test_the_last_sources_url_at_the_first_column_is_told_once_to_be_indented",
        ),
    ),
    Mutant(
        "the source missing the outdented field is still told",
        "knowledge/loader.py",
        "            continue  # (told at the field, below)\n",
        "            pass\n",
        (
            "tests/test_faq_validation.py::test_the_last_sources_url_at_the_first_column_is_told_once_to_be_indented",
        ),
    ),
    Mutant(
        "a pasted command's program path ('.venv/bin/rollover-bot') is not the program",
        "calculators/catalog.py",
        "start = 1 if words[:1] and _program(words[0]) == _COMMAND_LINE[0] else 0",
        "start = 1 if words[:1] and words[0] == _COMMAND_LINE[0] else 0",
        ("tests/test_console.py::test_a_command_line_pasted_runs_its_calculator",),
    ),
    Mutant(
        "a pasted --return is not /schedule's annual_return",
        "calculators/catalog.py",
        "    return _INPUTS.get(name.lower(), name)",
        "    return name",
        ("tests/test_console.py::test_a_command_line_pasted_runs_its_calculator",),
    ),
    Mutant(
        "a stray NUL near a file's start is told as UTF-16",
        "knowledge/loader.py",
        "    return start.count(nul) * 4 >= len(start) > 0",
        "    return nul in start",
        (
            "tests/test_faq_validation.py::test_a_stray_nul_near_a_files_start_is_told_at_its_line_not_as_utf16",
        ),
    ),
    Mutant(
        "a UTF-16 file without its mark is not told as UTF-16",
        "knowledge/loader.py",
        "    return start.count(nul) * 4 >= len(start) > 0",
        "    return start.count(nul) >= len(start) > 0",
        ("tests/test_faq_validation.py",),
    ),
    Mutant(
        "an emptied examples file is read as no questions, without a word",
        "knowledge/examples.py",
        "        return [], [(1, _NO_ITEMS)]",
        "        return [], []",
        ("tests/test_examples.py::test_a_broken_examples_file_is_reported_with_its_line",),
    ),
    Mutant(
        "a file named like the off-topic one beside it is told to be renamed onto it",
        "knowledge/examples.py",
        "    if meant == OFF_TOPIC and any(p.stem == OFF_TOPIC for p in paths):",
        "    if False:",
        ("tests/test_examples.py::test_a_broken_examples_file_is_reported_with_its_line",),
    ),
    Mutant(
        "a lone 'off-topic.yaml' is not told to be renamed",
        "knowledge/examples.py",
        "    if meant == OFF_TOPIC and any(p.stem == OFF_TOPIC for p in paths):",
        "    if meant == OFF_TOPIC:",
        (
            "tests/test_examples.py::test_an_empty_list_is_an_entry_with_no_questions_yet_and_a_lone_name_is_renamed",
        ),
    ),
    Mutant(
        "an unreal date is told twice, by the reader and by the model",
        "knowledge/loader.py",
        '        if isinstance(err.get("input"), frontmatter.UnrealDate):\n            continue',
        "        if False:\n            continue",
        (
            "tests/test_faq_validation.py::test_a_date_that_does_not_exist_hides_no_other_problem_of_its_file",
        ),
    ),
    Mutant(
        "an unreal date where a text goes is taken as the text",
        "knowledge/loader.py",
        "    return entry, unreal + _content_problems(shown, meta, parsed)",
        "    return entry, _content_problems(shown, meta, parsed)",
        (
            "tests/test_faq_validation.py::test_a_date_that_does_not_exist_hides_no_other_problem_of_its_file",
        ),
    ),
    Mutant(
        "an unreal date in an examples file is taken as its text",
        "knowledge/examples.py",
        "        if unreal := unreal_dates(raw, 1):",
        "        if unreal := []:",
        (
            "tests/test_faq_validation.py::test_a_date_that_does_not_exist_is_a_problem_with_its_line",
        ),
    ),
    Mutant(
        "an entry related to itself is not told while its file has another problem",
        "knowledge/loader.py",
        "            if rel == entry.id:\n",
        "            if rel == entry.id and rel not in broken_ids:\n",
        (
            "tests/test_faq_validation.py::test_an_entry_related_to_itself_is_told_beside_an_id_listed_twice",
        ),
    ),
    Mutant(
        "a typed command's choice is written back as typed, which the command line refuses",
        "calculators/typed.py",
        "        p: value if isinstance(value := getattr(inp, p), str) else given[p].strip()",
        "        p: given[p].strip()",
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "a typed command's value is written back unquoted for the shell",
        "calculators/typed.py",
        '    options = (f"{calc.option(p)} {shlex.quote(v)}" for p, v in values.items())',
        '    options = (f"{calc.option(p)} {v}" for p, v in values.items())',
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "ask points a calculator typed as a question at the example's values, not the asker's",
        "bot/cli/ask.py",
        "    if typed.command_line:",
        "    if False:",
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "Discord's calculator hint fills in the example's values, not the member's",
        "bot/answering.py",
        '    example = f"(like `{typed.named or CALCULATORS[name].named_example}`)"',
        '    example = f"(like `{CALCULATORS[name].named_example}`)"',
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "Discord's calculator hint does not say why the member's values are refused",
        "bot/answering.py",
        '        example += f"; yours: {neutralize(typed.refused)}"',
        "        pass",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "the console's charts are left in the system's temporary folder for good",
        "bot/console.py",
        "_session(Console(kb, Path(charts), broken=broken)",
        "_session(Console(kb, broken=broken)",
        ("tests/test_console.py::test_a_sessions_charts_are_removed_when_it_ends",),
    ),
    Mutant(
        "a year written short ('25') is told only the supported years",
        "calculators/limits.py",
        "        if 0 <= year < 100 and 2000 + year in table:",
        "        if False:",
        ("tests/test_calc_room.py::test_bad_input",),
    ),
    Mutant(
        "a Markdown link as a source's url is told to start with https://",
        "knowledge/model.py",
        "    if found := _MARKDOWN_LINK.fullmatch(value.strip()):",
        "    if found := None:",
        ("tests/test_faq_validation.py::test_a_source_url_slip_is_told_with_its_own_fix",),
    ),
    Mutant(
        "a site's name with two dots in a row is told it names no site",
        "knowledge/model.py",
        "    if len(labels) >= 2 and all(labels[:1] + labels[-1:]) and not all(labels):",
        "    if False:",
        ("tests/test_faq_validation.py::test_a_source_url_slip_is_told_with_its_own_fix",),
    ),
    Mutant(
        "a link copied with the sentence's full stop is taken",
        "knowledge/model.py",
        '    if value.strip().endswith((".", ",", ";")) and "/" in rest:',
        "    if False:",
        ("tests/test_faq_validation.py::test_a_source_url_slip_is_told_with_its_own_fix",),
    ),
    Mutant(
        "an unquoted Markdown link as a url is told to be quoted",
        "knowledge/frontmatter.py",
        "        link := _MARKDOWN_URL.match(_line_at(yaml_text, problem_mark.line))",
        "        link := None",
        ("tests/test_faq_validation.py::test_a_slip_is_told_with_the_fix_that_works_first",),
    ),
    Mutant(
        "a link's #part after a space is told to be quoted",
        "knowledge/frontmatter.py",
        '                    if re.match(r"https?://\\S+$", current.value)',
        "                    if False",
        ("tests/test_faq_validation.py::test_a_slip_is_told_with_the_fix_that_works_first",),
    ),
    Mutant(
        "a list item without the space after its dash is told to add a colon",
        "knowledge/frontmatter.py",
        "            if dash := _DASH_NO_SPACE.match(_line_at(yaml_text, mark.line - back)):",
        "            if dash := None:",
        (
            "tests/test_faq_validation.py::test_a_slip_is_told_with_the_fix_that_works_first",
            "tests/test_faq_validation.py::test_a_first_list_item_without_its_space_is_told_so",
        ),
    ),
    Mutant(
        "a first list item without its space is told to write a list",
        "knowledge/loader.py",
        '    if kind == "list_type" and (dash := re.match(',
        "    if False and (dash := re.match(",
        ("tests/test_faq_validation.py::test_a_first_list_item_without_its_space_is_told_so",),
    ),
    Mutant(
        "sources written on one line are told to write [first, second]",
        "knowledge/loader.py",
        '    if kind == "list_type" and tuple(err["loc"]) == ("sources",):',
        "    if False:",
        (
            "tests/test_faq_validation.py::test_sources_written_as_one_line_are_told_how_a_source_is_written",
        ),
    ),
    Mutant(
        "an entry copied to start another is told once per name, twice over",
        "knowledge/loader.py",
        "                continue  # (told once above, not once a name in each file)",
        "                pass",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_to_start_another_is_told_once_in_each_file",
        ),
    ),
    Mutant(
        "two entries sharing a name or two are told as copies",
        "knowledge/loader.py",
        "        if n >= COPIED_NAMES and 2 * n >= min(names[path] for path in pair)",
        "        if 2 * n >= min(names[path] for path in pair)",
        (
            "tests/test_faq_validation.py::test_an_entry_copied_to_start_another_is_told_once_in_each_file",
        ),
    ),
    Mutant(
        "a frequency word makes a calculator's command a question",
        "calculators/catalog.py",
        "        _VALUE.fullmatch(word) or _per_year_word(word)",
        "        _VALUE.fullmatch(word)",
        ("tests/test_cli_ask.py::test_a_calculator_command_asked_is_pointed_at_the_calculator",),
    ),
    Mutant(
        "an answer's title over the width runs past its underline",
        "bot/terminal.py",
        '"\\n".join(underlined(layout.title, width)),',
        '"\\n".join([layout.title, "=" * min(len(layout.title), width)]),',
        (
            "tests/test_console.py::test_a_title_wider_than_the_text_is_wrapped_and_underlined_whole",
        ),
    ),
    Mutant(
        "a calculator's title over the width runs past its underline",
        "calculators/report.py",
        "    lines = textwrap.wrap(title, width) or [title]",
        "    lines = [title]",
        (
            "tests/test_console.py::test_a_title_wider_than_the_text_is_wrapped_and_underlined_whole",
        ),
    ),
    Mutant(
        "form8606's headline shows a basis below zero without a word",
        "calculators/form8606.py",
        '                if key == "line14" and value < 0:',
        "                if False:",
        ("tests/test_calc_form8606.py::test_rounding_that_pushes_line_14_below_zero_is_flagged",),
    ),
    Mutant(
        "the text answer lists suggestions down to a score of 2",
        "bot/cli/ask.py",
        "        close = result.plausible(tuning.plausible_threshold)",
        "        close = result.suggestions",
        (
            "tests/test_cli_ask.py::test_the_text_answer_offers_the_suggestions_discord_offers_a_member_who_asked",
        ),
    ),
    Mutant(
        "'- null' as an alias is told 'is empty'",
        "knowledge/loader.py",
        '    if err.get("input", "") is None and (word := _NULL_WORD.search(line)):',
        "    if False and (word := _NULL_WORD.search(line)):",
        ("tests/test_faq_validation.py::test_yamls_word_for_nothing_as_a_value_is_told_as_such",),
    ),
    Mutant(
        "the examples folder given as the FAQ is told 'no FAQ files' and a notice a file",
        "knowledge/loader.py",
        '        if faq_dir.name == EXAMPLES_DIR and any(map(is_entry_file, parent.glob("*.md"))):',
        "        if False:",
        (
            "tests/test_faq_validation.py::test_the_examples_folder_given_as_the_faq_is_told_which_folder_to_give",
        ),
    ),
    Mutant(
        "a SQLite file without the bot's tables is read as an empty database",
        "bot/storage/sqlite.py",
        "            if self._version == 0 and not await self._has_questions(db):",
        "            if False:",
        ("tests/test_storage.py::test_cli_reports_refuse_a_sqlite_file_without_the_bots_tables",),
    ),
    Mutant(
        "faq gaps counts questions past the retention under 'all that are kept'",
        "bot/cli/faq.py",
        "    days = kept if args.days is None else min(args.days, kept)",
        "    days = args.days",
        ("tests/test_moderation_e2e.py::test_gaps_say_which_days_their_counts_cover",),
    ),
    Mutant(
        "faq review tells a moderator's --faq-dir to edit the shipped examples",
        "bot/cli/faq.py",
        "    examples = examples_dir(faq_dir(args, settings()))",
        '    examples = "knowledge/faq/examples"',
        (
            "tests/test_moderation_e2e.py::test_faq_gaps_and_review_on_the_command_line_agree_with_discord_after_an_alias",
        ),
    ),
    Mutant(
        "a refused reload lists a new problem among the old, in file order",
        "bot/console.py",
        "            listed = fresh + [p for p in listed if str(p) in told]",
        "            listed = list(listed)",
        (
            "tests/test_console.py::test_a_refused_reload_lists_the_problems_new_since_the_last_read_first",
        ),
    ),
    Mutant(
        "a refused reload does not say how many problems are new",
        "bot/console.py",
        '" if told and fresh else ""',
        '" if False else ""',
        (
            "tests/test_console.py::test_a_refused_reload_lists_the_problems_new_since_the_last_read_first",
        ),
    ),
    Mutant(
        "a typed value of any length is echoed back in the calculator hint",
        "calculators/typed.py",
        "    if any(len(v) > VALUE_CHARS for v in values.values()):",
        "    if False:",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "Discord's calculator hint quotes the member's refused value with its markdown live",
        "bot/answering.py",
        "yours: {neutralize(typed.refused)}",
        "yours: {typed.refused}",
        (
            "tests/test_bot_e2e.py::test_a_calculator_command_typed_as_a_question_points_to_the_calculator",
        ),
    ),
    Mutant(
        "worked example: contributions never called after-tax are read as basis",
        "calculators/from_text.py",
        '        if kind == "basis" and not names_after_tax(text):\n',
        "        if False:\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a total in a text that never says after-tax is read as the account's",
        "calculators/from_text.py",
        "    if totals and not names_after_tax(text):\n",
        "    if False:\n",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an amount takes its name from the next sentence",
        "calculators/from_text.py",
        "        rest = PART_BEFORE.split(text[match.end() : stop], 1)[0]",
        "        rest = PART_BEFORE.split(text[match.end() :], 1)[0]",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: '412 dollars' is a bare number",
        "calculators/from_text.py",
        "        if plain and not _DOLLARS_AFTER.match(text, match.end()):",
        "        if plain:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'after tax' in two words names nothing",
        "calculators/amount_words.py",
        "(pre|before|after)\\s+(tax)",
        "(pre|before)\\s+(tax)",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: '$1,000 per payroll' is no per-period amount",
        "calculators/amount_doubts.py",
        "(?:payroll|days?|(?:mon|tues",
        "(?:xpayrollx|(?:mon|tues",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: pay periods named elsewhere leave a paycheck's amount read as basis",
        "calculators/amount_doubts.py",
        "    if _PAY_PERIODS.search(text):\n        return True",
        "    if False:\n        return True",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: corrected figures are read as the pair",
        "calculators/amount_doubts.py",
        " or _CORRECTED.search(text):",
        ":",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: money of other holdings is read as the account's",
        "calculators/amount_doubts.py",
        "    if _elsewhere(text, start, end, (begin, stop), kind) or _OTHERS",
        "    if _OTHERS",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a CD's deposit is after-tax basis",
        "calculators/amount_doubts.py",
        "        if _OTHER_HOLDINGS.intersection(lead + after) or _NOT_A_BASIS",
        "        if _NOT_A_BASIS",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an IRA's after-tax contribution is a plan's basis",
        "calculators/amount_doubts.py",
        "            return not _PLAN_NAMED.search(clause)  # (",
        "            return False  # (",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: pay, debts and other accounts' gains are the account's earnings",
        "calculators/amount_doubts.py",
        "    if _NOT_THE_ACCOUNTS.intersection(before + after) or _subject_elsewhere(lead):",
        "    if _subject_elsewhere(lead):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'a Roth IRA which earned $412' is the account's gain",
        "calculators/amount_doubts.py",
        "    if _NOT_THE_ACCOUNTS.intersection(before + after) or _subject_elsewhere(lead):",
        "    if _NOT_THE_ACCOUNTS.intersection(before + after):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'I owe $412 in interest' is earnings",
        "calculators/amount_doubts.py",
        "    if _OWED.intersection(before[-2:]) or _NOT_YET",
        "    if False or _NOT_YET",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a quarter's earnings are the account's",
        "calculators/amount_doubts.py",
        "    if _PART_OF_A_YEAR.search(",
        "    if False and _PART_OF_A_YEAR.search(",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a 529's gain is the account's",
        "calculators/amount_doubts.py",
        '    if _SAVINGS_PLAN.search(clause):\n        return True  # ("My 529',
        '    if False:\n        return True  # ("My 529',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: the whole 401k's earnings are the account's",
        "calculators/amount_doubts.py",
        "    return bool(_PLAN_NAMED.search(_head(text, begin, start))) and not",
        "    return False and not",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an in-plan conversion of part is not money moved",
        "calculators/amount_words.py",
        '    "conversion conversions".split()',
        '    "".split()',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: the mega backdoor does not name after-tax money",
        "calculators/amount_doubts.py",
        "|\\bmega[\\s-]?backdoor|\\bmbdr\\b",
        "|\\bmbdr\\b",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: cash paid out, an in-plan conversion or a plan's refund is worked"
        " as a rollover to IRAs",
        "calculators/amount_doubts.py",
        "    if _NOT_A_ROLLOVER.search(text):\n        return True",
        "    if False:\n        return True",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'after taxes' (take-home pay) names after-tax money",
        "calculators/amount_doubts.py",
        "after[-\\s]?tax(?!es)|\\baftertax(?!es)",
        "after[-\\s]?tax|\\baftertax",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'on a quarterly basis' names after-tax money",
        "calculators/amount_doubts.py",
        "(?<!ly )(?<!\\bregular )",
        "(?<!\\bregular )",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a figure named as pretax or match first takes the next figure's label",
        "calculators/from_text.py",
        '    return None if kind == "other" else kind',
        '    return kind if kind != "other" else None if False else kind',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an after-tax limit, room or salary is read as basis",
        "calculators/amount_doubts.py",
        " or _NOT_A_BASIS.intersection(before + after):",
        ":",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'I plan to contribute $40,000 after-tax' is read as basis",
        "calculators/amount_doubts.py",
        "        if _PLAN_TO.search(clause):",
        "        if False:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: someone else's example figures are the asker's",
        "calculators/amount_doubts.py",
        " or _OTHERS_FIGURES.search(sentence):",
        ":",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a quoted poster's figures are the asker's",
        "calculators/from_text.py",
        '    text = _QUOTED.sub(lambda quoted: " " * len(quoted[0]), text)\n',
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a sentence between basis and earnings leaves them one account's",
        "calculators/from_text.py",
        "        return False  # another sentence between them",
        "        pass",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: earnings in the next sentence are the account's whatever they are said of",
        "calculators/from_text.py",
        "    if names_after_tax(said) or _OF_IT.intersection(words(said)):",
        "    if True:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a person's gain in the next sentence is the account's whatever follows it",
        "calculators/from_text.py",
        "    return set(before) <= _PEOPLE | EARNINGS_WORDS and set(after) <= _PLAIN_AFTER",
        "    return set(before) <= _PEOPLE | EARNINGS_WORDS",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a figure repeated does not tie basis and earnings in sentences apart",
        "calculators/from_text.py",
        "        if not repeated and not _same_accounts(",
        "        if not _same_accounts(",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an after-tax contribution to a Roth IRA is a plan's basis",
        "calculators/amount_doubts.py",
        '(?:to|into|in)\\s+(?:(?:my|a|an|the)\\s+)?(?:roth\\s+)?iras?\\b"',
        '(?:to|into|in)\\s+(?:(?:my|a|an|the)\\s+)?(?:xroth\\s+)?iras?\\b"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a hardship payout is worked as a rollover",
        "calculators/amount_doubts.py",
        '|\\bhardship\\b"',
        '"',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: an edited figure leaves the first one read",
        "calculators/amount_doubts.py",
        "|\\b(?:edit|update)(?:ed)?\\s*:",
        "",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a title's spaced dash before the basis is read as a minus sign",
        "calculators/amount_doubts.py",
        '    if dashed and not (kind == "basis" and _SPACED_DASH.search(near)):',
        "    if dashed:",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a spaced dash before earnings is no minus sign",
        "calculators/amount_doubts.py",
        '    if dashed and not (kind == "basis" and _SPACED_DASH.search(near)):',
        "    if dashed and not _SPACED_DASH.search(near):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: a friend's earnings sent to a traditional IRA send the asker's there",
        "calculators/from_text.py",
        '        if "or" in said or _SOMEONE_ELSE.intersection(said):',
        '        if "or" in said:',
        ("tests/test_calc_audit.py::test_where_a_question_sends_the_earnings",),
    ),
    Mutant(
        "worked example: 'My cash management account earned $400' is said of the after-tax account",
        "calculators/from_text.py",
        '    "subaccount sub-account source bucket".split()',
        '    "account subaccount sub-account source bucket".split()',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'Rollover $50,000' takes the next figure's after-tax label",
        "calculators/from_text.py",
        'word in ("roth", "rollover"):',
        'word in ("roth",):',
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'what would I owe?' after the earnings makes them not yet real",
        "calculators/amount_doubts.py",
        " or _NOT_YET.intersection(before):",
        " or _NOT_YET.intersection(before + after):",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
    Mutant(
        "worked example: 'it would have earned $300' is read as earnings",
        "calculators/amount_doubts.py",
        " or _NOT_YET.intersection(before):",
        ":",
        ("tests/test_calc_audit.py::test_amounts_stated_in_a_question",),
    ),
]


def scratch_copy(target: Path) -> None:
    """The working tree as it is (committed or not), without caches and the venv."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            dest = target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest)


#: Seconds one mutant's tests may take: the slowest take about a minute.
TESTS_TIMEOUT = 900


def run_tests(copy: Path, tests: tuple[str, ...]) -> bool:
    """True when the tests pass (the mutant survived)."""
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests]
    try:
        # (errors="replace": a test's output may show bytes that are not UTF-8, file names)
        done = subprocess.run(
            command,
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TESTS_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        # (A mutant that leaves a thread or a connection open can hang the run at its exit.)
        raise RuntimeError(f"the tests did not end within {TESTS_TIMEOUT} s") from None
    if done.returncode not in (0, 1):
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        raise RuntimeError("pytest could not run: " + " | ".join(tail))
    return done.returncode == 0


def main(argv: list[str]) -> int:
    chosen = [m for m in MUTANTS if not argv or any(a.lower() in m.name.lower() for a in argv)]
    if not chosen:
        # A mistyped NAME ran nothing and said "0 of 0 mutants killed", exit 0: a pass.
        names = ", ".join(repr(a) for a in argv)
        print(f"error: no mutant's name contains {names}", file=sys.stderr)
        return 2
    failures = 0
    with tempfile.TemporaryDirectory(prefix="rollover-mutants-") as tmp:
        copy = Path(tmp)
        # (Readable by all: tests that run the command as another user import it too.)
        copy.chmod(0o755)
        scratch_copy(copy)
        # the scratch copy, not the checkout, must be what the tests import
        check = subprocess.run(
            [sys.executable, "-c", "import bot; print(bot.__file__)"],
            cwd=copy,
            env={**os.environ, "PYTHONPATH": str(copy)},
            capture_output=True,
            text=True,
            check=True,
        )
        if not check.stdout.strip().startswith(str(copy)):
            print(f"error: the tests would import {check.stdout.strip()}, not the scratch copy")
            return 1
        for mutant in chosen:
            path = copy / mutant.file
            original = path.read_text(encoding="utf-8")
            if original.count(mutant.old) != 1:
                print(f"{'not applied':>11}  {mutant.name} (its code changed: update the mutant)")
                failures += 1
                continue
            path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
            started = time.monotonic()
            try:
                survived = run_tests(copy, mutant.tests)
            except RuntimeError as exc:
                print(f"{'error':>11}  {mutant.name}: {exc}")
                failures += 1
                continue
            finally:
                path.write_text(original, encoding="utf-8")
            failures += survived
            verdict = "survived" if survived else "killed"
            print(f"{verdict:>11}  {mutant.name} ({time.monotonic() - started:.0f} s)", flush=True)
    print(f"{len(chosen) - failures} of {len(chosen)} mutants killed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
