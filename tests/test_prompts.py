"""The interactive check-in, driven by keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import rows, spelled, today
from prompt_toolkit.application import create_app_session

from resilience_cli.cli import common
from resilience_cli.model import CheckIn
from resilience_cli.prompts import ask_checkin
from resilience_cli.prompts.question import CLEAR

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"
CTRL_U = "\x15"  # clears a typed line (emacs binding)


# One keystroke string per question, in the order they are asked. A key
# shown beside an answer gives it at once; typed answers end with Enter.
FULL = [
    "4",                  # shift: night
    "2",                  # incident: significant
    "2",                  # material: some
    "1",                  # graphic: yes
    "3",                  # interactions: a lot
    "1 3" + ENTER,        # workload 1, support 3
    "5.5 4" + ENTER,      # sleep: 5.5 hours, quality 4 (no dreams ticked: no)
    "2",                  # intrusions
    "1",                  # switch off
    "6" + ENTER,          # mood 6, energy skipped
    "13" + ENTER,         # recovery: exercise, people (talked not ticked: no)
    "3",                  # anything to add: both
    "slept badly" + ENTER,  # note
    "breaks on nights" + ENTER,  # talking point
]

# Through the command without --date, at noon after a night: which day it is for, 2 (today).
WITH_THE_DAY = [FULL[0], "2", *FULL[1:]]

FULL_ANSWERS = {
    "shift": "night", "incident": "significant", "hurt": False, "material": 2, "graphic": True, "interactions": 3,
    "workload": 1, "support": 3, "sleep_hours": 5.5, "sleep_quality": 4, "nightmare": False,
    "intrusions": 2, "switch_off": 1, "mood": 6, "energy": None, "talked": False,
    "recovery": ("exercise", "people"), "note": "slept badly",
    "raise_at_supervision": True, "talking_point": "breaks on nights",
    # The mood line was answered and its good-moment tick left as it was: no.
    "good_moment": False,
}


# Every question answered: what is left open in a test is exactly what it asks.
COMPLETE = {**FULL_ANSWERS, "energy": 5}


def test_a_full_checkin_by_keystrokes(keys):
    keys.send_text("".join(FULL))
    assert ask_checkin(None, {}) == FULL_ANSWERS


def test_s_also_skips_a_choice(keys):
    given = {n: v for n, v in COMPLETE.items() if n != "shift"}
    keys.send_text("s")
    assert ask_checkin(None, given)["shift"] is None


def test_skipping_everything(keys):
    # Enter alone skips every kind of question; a skipped shift is a working
    # day; no material and no incident means no graphic question: 11 questions.
    keys.send_text(ENTER * 11)
    answers = ask_checkin(None, {})
    assert set(answers) == set(FULL_ANSWERS) - {"graphic", "talking_point"}
    assert all(v is None for v in answers.values())


def test_flags_are_not_asked_again(keys):
    given = {"shift": "day", "incident": "none", "hurt": False, "material": 0, "interactions": 0, "workload": 3,
             "sleep_hours": 8.0, "sleep_quality": 8, "nightmare": False, "intrusions": 0,
             "switch_off": 4, "mood": 8, "energy": 7, "talked": True, "support": 4,
             "recovery": ("outdoors",), "raise_at_supervision": False}
    # Only the note is left open: "anything to add" offers it alone.
    keys.send_text("1" + "a good day" + ENTER)
    answers = ask_checkin(None, given)
    assert answers == {**given, "note": "a good day"}


def test_alcohol_is_asked_only_when_turned_on(keys):
    given = {n: v for n, v in COMPLETE.items() if n not in ("note", "talking_point")}
    keys.send_text("3" + ENTER + "1" + "x" + ENTER)
    answers = ask_checkin(None, given, optional=frozenset({"alcohol_units"}))
    assert (answers["alcohol_units"], answers["note"]) == (3.0, "x")


def test_amending_offers_earlier_answers_as_defaults(keys):
    existing = CheckIn(id="i", date="2026-11-27", created_at="a", updated_at="a",
                       **{k: v for k, v in COMPLETE.items()})
    # Enter everywhere keeps what was there; mood and energy typed afresh; the note cleared.
    presses = [ENTER] * 12
    presses[9] = CTRL_U + "8 5" + ENTER  # mood and energy
    presses[11] = "1" + CTRL_U + ENTER  # anything to add: the note, emptied: cleared
    keys.send_text("".join(presses))
    answers = ask_checkin(existing, {})
    assert answers["mood"] == 8
    assert answers["note"] is CLEAR
    assert existing.amended(answers, "b").note is None
    assert existing.amended(answers, "b").talking_point == "breaks on nights"
    kept = ("mood", "note", "energy", "raise_at_supervision", "talking_point")
    assert {k: v for k, v in answers.items() if k not in kept} == {
        k: v for k, v in COMPLETE.items() if k not in kept}
    # Enter on "anything to add" keeps the talking point: it was not asked.
    assert answers["raise_at_supervision"] is None and "talking_point" not in answers


def test_typed_answers_are_validated_in_place(keys):
    given = {n: v for n, v in COMPLETE.items() if n != "mood"}
    # 11 is refused under the prompt; the user clears it and types 7.
    keys.send_text("11" + ENTER + CTRL_U + "7" + ENTER)
    assert ask_checkin(None, given)["mood"] == 7


def test_ctrl_c_raises_keyboard_interrupt(keys):
    keys.send_text("4" + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask_checkin(None, {})


# The same flow through the command itself, as if standard input were a terminal.


def test_interactive_checkin_through_the_command(cli, keys, terminal, db_path):
    # The first run asks for the nation (Enter keeps England), then the service; after the
    # night, at noon, which day it is for (2: today).
    keys.send_text(ENTER + ENTER + "".join(WITH_THE_DAY))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert "Welcome to resilience." in result.stdout  # the first check-in on a new home
    [row] = rows(db_path)
    assert (row["shift"], row["mood"], row["recovery"], row["note"], row["talking_point"]) == (
        "night", 6, "exercise,people", "slept badly", "breaks on nights")


def test_flags_and_prompts_together(cli, keys, terminal, db_path):
    keys.send_text(ENTER + ENTER + "".join(FULL[1:]))  # the nation; shift given by flag: not asked
    result = cli("checkin", "--shift", "late")
    assert result.exit_code == 0, result.stderr
    assert rows(db_path)[0]["shift"] == "late"


def test_ctrl_c_in_the_command_saves_nothing(cli, keys, terminal, home):
    keys.send_text("4" + "5" + CTRL_C)  # Northern Ireland, then a long shift
    result = cli("checkin", "--mood", "5")
    assert result.exit_code == 130
    assert result.stderr == "Check-in cancelled; nothing was saved.\n"
    assert not home.exists()


def test_ctrl_c_while_amending_keeps_the_old_answers(cli, keys, terminal, db_path):
    cli("checkin", "--mood", "3", "--shift", "day", "--no-input")
    keys.send_text("4" + CTRL_C)
    result = cli("edit", "today")
    assert result.exit_code == 130
    [row] = rows(db_path)
    assert (row["mood"], row["shift"]) == (3, "day")


def test_edit_through_the_command(cli, keys, terminal, db_path):
    cli("checkin", "--mood", "3", "--shift", "day", "--material", "0", "--no-input")
    # material 0 and no incident: no graphic question, so 11 questions.
    presses = [ENTER] * 11
    presses[0] = "2" + ENTER  # shift: day (kept); the Enter after a one-key answer confirms it
    presses[8] = CTRL_U + "7" + ENTER  # mood
    keys.send_text("".join(presses))
    result = cli("edit", "today")
    assert result.exit_code == 0, result.stderr
    assert f"Updated {spelled(today()).rsplit(' ', 1)[0]}: mood 3 → 7; good moment skipped → no." in result.stdout
    [row] = rows(db_path)
    assert (row["mood"], row["shift"], row["material"]) == (7, "day", 0)


def test_delete_asks_first(cli, keys, terminal, db_path):
    cli("checkin", "--mood", "3", "--no-input")
    keys.send_text("n")  # a confirm question answers on the key itself
    assert cli("delete", "today").stdout == "Nothing was deleted.\n"
    assert len(rows(db_path)) == 1
    keys.send_text("y")
    assert cli("delete", "today").exit_code == 0
    assert rows(db_path) == []


def test_small_hours_ask_which_duty_day(cli, keys, terminal, monkeypatch, db_path):
    monkeypatch.setattr(common, "now", lambda: dt.datetime.combine(today(), dt.time(3, 10)))
    # The welcome's nation and service (Enter: England, skipped); once the shift is
    # known (night, confirmed by its Enter), which day: Enter keeps the shift that
    # began the day before.
    keys.send_text(ENTER + ENTER + FULL[0] + ENTER + ENTER + "".join(FULL[1:]))
    assert cli("checkin").exit_code == 0
    assert rows(db_path)[0]["date"] == (today() - dt.timedelta(days=1)).isoformat()


def test_the_welcome_comes_once(cli, keys, terminal):
    keys.send_text("3" + ENTER + ENTER + "".join(WITH_THE_DAY))  # the welcome: nation (3, confirmed), service skipped
    assert "Welcome to resilience." in cli("checkin").stdout
    keys.send_text(ENTER * 12)
    assert "Welcome to resilience." not in cli("checkin").stdout
    assert "Welcome to resilience." not in cli().stdout


# Ask only what applies.

def test_a_rest_day_asks_no_work_or_exposure_question(keys):
    # shift rest; sleep; intrusions; switching off; mood and energy; recovery; anything to add.
    keys.send_text("1" + "8 7" + ENTER + "0" + "2" + "7 6" + ENTER + "2" + ENTER + ENTER)
    answers = ask_checkin(None, {})
    assert answers == {
        "shift": "rest", "incident": None, "hurt": None, "material": None, "interactions": None, "workload": None,
        "support": None,
        "sleep_hours": 8.0, "sleep_quality": 7, "nightmare": False, "intrusions": 0, "switch_off": 2,
        "mood": 7, "energy": 6, "recovery": ("outdoors",), "talked": False, "note": None,
        "raise_at_supervision": None,
    }


def test_a_rest_day_by_flag_asks_the_same_and_keeps_flagged_answers(keys):
    keys.send_text(ENTER * 6)  # sleep, intrusions, switching off, mood, recovery, anything to add
    answers = ask_checkin(None, {"shift": "rest", "material": 1})
    assert answers["shift"] == "rest" and answers["material"] == 1
    assert answers["workload"] is None and answers["incident"] is None and answers["interactions"] is None
    assert all(v is None for k, v in answers.items() if k not in ("shift", "material"))


def test_graphic_follows_an_incident_even_without_material(keys):
    # The first Enter after a one-key answer confirms it; then 8 questions skipped.
    keys.send_text("2" + "1" + "0" + "1" + ENTER * 9)
    answers = ask_checkin(None, {})
    assert (answers["incident"], answers["material"], answers["graphic"]) == ("minor", 0, True)


def test_no_material_and_no_incident_asks_no_graphic_question(keys):
    keys.send_text("2" + "0" + "0" + ENTER * 9)
    answers = ask_checkin(None, {})
    assert "graphic" not in answers
    assert (answers["incident"], answers["material"]) == ("none", 0)


# The same keys everywhere.

def test_no_and_none_are_on_0_and_a_stray_key_answers_nothing(keys):
    # On the incident question today "0" once recorded "skip": now 0 is "no".
    # "x" is not a key shown: it answers nothing, and the next key answers.
    keys.send_text("x2" + "x0" + "0" + "2" + ENTER * 8)
    answers = ask_checkin(None, {})
    assert (answers["shift"], answers["incident"], answers["material"], answers["interactions"]) == (
        "day", "none", 0, 2)


@pytest.mark.parametrize("key,value", [("0", False), ("n", False), ("1", True), ("y", True), ("s", None),
                                       (ENTER, None)])
def test_yes_and_no_keys(keys, key, value):
    given = {n: v for n, v in COMPLETE.items() if n != "graphic"}
    keys.send_text(key)
    assert ask_checkin(None, given)["graphic"] is value


def test_backspace_goes_back_a_question(keys):
    # Night shift, then Backspace at the incident question: the shift is asked
    # again and a day shift replaces it.
    keys.send_text("4" + "\x7f" + "2" + "0" + "0" + ENTER * 9)
    answers = ask_checkin(None, {})
    assert (answers["shift"], answers["incident"]) == ("day", "none")


def test_backspace_on_an_empty_typed_line_goes_back(keys):
    # Interactions skipped (the first Enter confirms "0"); 9 typed at the work
    # question, deleted, then Backspace twice more: back to material.
    keys.send_text("2" + "0" + "0" + ENTER * 2 + "9" + "\x7f\x7f\x7f" + "1" + "1" + ENTER * 9)
    answers = ask_checkin(None, {})
    assert (answers["material"], answers["graphic"]) == (1, True)


def test_typed_ticks_answer_dreams_and_talking(keys):
    given = {n: v for n, v in COMPLETE.items() if n not in ("sleep_hours", "sleep_quality", "nightmare",
                                                            "recovery", "talked")}
    keys.send_text("d6 5" + ENTER + "t0" + ENTER)
    answers = ask_checkin(None, given)
    assert (answers["sleep_hours"], answers["sleep_quality"], answers["nightmare"]) == (6.0, 5, True)
    assert (answers["recovery"], answers["talked"]) == ((), True)


def test_a_skipped_line_leaves_its_tick_unanswered(keys):
    given = {n: v for n, v in COMPLETE.items() if n not in ("sleep_hours", "sleep_quality", "nightmare",
                                                            "recovery", "talked")}
    keys.send_text(ENTER + ENTER)
    answers = ask_checkin(None, given)
    assert (answers["nightmare"], answers["talked"], answers["recovery"]) == (None, None, None)


def test_one_of_a_pair_alone_and_the_second_alone(keys):
    given = {n: v for n, v in COMPLETE.items() if n not in ("mood", "energy", "sleep_hours", "sleep_quality")}
    keys.send_text("- 7" + ENTER + "4" + ENTER)
    answers = ask_checkin(None, given)
    assert (answers["sleep_hours"], answers["sleep_quality"], answers["mood"], answers["energy"]) == (
        None, 7, 4, None)


# Amend without traps.

def test_amending_can_set_a_choice_back_to_skipped(keys):
    existing = CheckIn(id="i", date="2026-11-27", created_at="a", updated_at="a", **COMPLETE)
    # Enter keeps the shift; c clears the incident; the rest kept.
    keys.send_text(ENTER + "c" + ENTER * 11)
    answers = ask_checkin(existing, {})
    assert answers["shift"] == "night" and answers["incident"] is CLEAR
    amended = existing.amended(answers, "b")
    assert amended.incident is None and amended.shift == "night" and amended.mood == 6


def test_edit_sets_an_answer_back_to_skipped_through_the_command(cli, keys, terminal, db_path):
    cli("checkin", "--mood", "3", "--energy", "4", "--shift", "day", "--no-input")
    presses = [ENTER] * 11
    presses[0] = "c" + ENTER  # the shift: cleared (the Enter after a one-key answer confirms it)
    presses[8] = CTRL_U + ENTER  # mood and energy: the line emptied clears both
    keys.send_text("".join(presses))
    result = cli("edit", "today")
    assert result.exit_code == 0, result.stderr
    [row] = rows(db_path)
    assert (row["shift"], row["mood"], row["energy"]) == (None, None, None)


# Every line of every question fits its terminal, broken between words.

def _all_questions() -> list[str]:
    from resilience_cli.followups import TRIM_WORDS
    from resilience_cli.prompts.checkin import (
        PAIR_HINTS,
        PAIRS,
        QUESTIONS,
        REST_DAY_SWITCH_OFF,
    )
    from resilience_cli.safety import question
    AGAIN, QUESTION = question(again=True), question()

    return [*QUESTIONS.values(), *PAIRS.values(), *PAIR_HINTS.values(), REST_DAY_SWITCH_OFF, QUESTION, AGAIN,
            *TRIM_WORDS.values()]


@pytest.mark.parametrize("columns", [40, 80, 100])
def test_no_word_is_split_across_lines(columns):
    from resilience_cli.model import RECOVERY_WORDS
    from resilience_cli.prompts.question import option_lines, question_lines

    for text in _all_questions():
        lines = question_lines(text, columns)
        assert all(len(line) < columns for line in lines), lines
        assert " ".join(line[2:] for line in lines).split() == text.split()
    for title in RECOVERY_WORDS.values():
        lines = option_lines("1", title, columns, "[ ] ")
        assert all(len(line) < columns for line in lines)
        assert " ".join(line.strip() for line in lines).split()[3:] == title.split()  # after "1 [ ]"


def test_a_typed_slip_names_the_question_under_it(keys):
    import io
    import threading
    import time

    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    given = {n: v for n, v in COMPLETE.items() if n not in ("sleep_hours", "sleep_quality", "nightmare")}
    drawn = io.StringIO()
    output = Vt100_Output(drawn, lambda: Size(rows=40, columns=100), term="xterm")
    with create_app_session(input=keys, output=output):
        keys.send_text("7h30" + ENTER)

        def correct_once_refused() -> None:
            # The correction comes once the refusal has been drawn (or after 20 s, to end the test).
            for _ in range(2000):
                if "is not a number" in drawn.getvalue():
                    break
                time.sleep(0.01)
            keys.send_text(CTRL_U + "7.5" + ENTER)

        later = threading.Thread(target=correct_once_refused)
        later.start()
        answers = ask_checkin(None, given)
        later.join()
    assert answers["sleep_hours"] == 7.5
    assert "hours of sleep: '7h30' is not a number, such as 6.5; give a number from 0 to 24." in drawn.getvalue()


@pytest.fixture
def connections(monkeypatch):
    """Every connection the journal store makes (to the real file), counted."""
    import sqlite3

    from resilience_cli.store import journal as store_module

    made = []
    real = sqlite3.connect

    def connect(*args, **kwargs):
        made.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", connect)
    return made


def test_an_interactive_checkin_opens_the_journal_once(cli, keys, terminal, db_path, connections):
    from conftest import checkin_keys, days_ago

    assert cli("checkin", "--date", days_ago(1), "--mood", "6", "--no-input").exit_code == 0
    connections.clear()
    keys.send_text(checkin_keys(mood="7 6\r"))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert len(connections) == 1  # the questions read it, the save writes it: one connection
    assert [r["mood"] for r in rows(db_path)] == [6, 7]
    connections.clear()
    keys.send_text(ENTER * 12)  # amend today: Enter keeps every answer
    assert cli("edit", "today").exit_code == 0
    assert len(connections) == 1
    assert [r["mood"] for r in rows(db_path)] == [6, 7]


def test_a_journal_replaced_while_answering_gets_the_checkin(cli, keys, terminal, db_path, monkeypatch):
    """Restore in another terminal while the questions are open: the save goes to the
    journal now at the path, not to the file that was replaced."""
    import shutil

    from conftest import checkin_keys, days_ago

    from resilience_cli import prompts

    cli("checkin", "--date", days_ago(2), "--mood", "5", "--no-input")
    shutil.copy(db_path, db_path.with_name("copy.db"))
    real_ask = prompts.ask_checkin

    def replaced_meanwhile(*args, **kwargs):
        answers = real_ask(*args, **kwargs)
        db_path.with_name("copy.db").replace(db_path)  # as restore does: a new file in its place
        return answers

    monkeypatch.setattr(prompts, "ask_checkin", replaced_meanwhile)
    keys.send_text(checkin_keys(mood="8\r"))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert [r["mood"] for r in rows(db_path)] == [5, 8]
