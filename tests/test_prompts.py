"""The interactive check-in, driven by keystrokes through prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import rows, today
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from resilience_cli.cli import common
from resilience_cli.model import CheckIn
from resilience_cli.prompts import ask_checkin, ask_duty_day
from resilience_cli.prompts.question import CLEAR

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"
CTRL_U = "\x15"  # clears a typed line (emacs binding)


@pytest.fixture
def keys():
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


# One keystroke string per question, in the order they are asked. A key
# shown beside an answer gives it at once; typed answers end with Enter.
FULL = [
    "4",                  # shift: night
    "2",                  # incident: significant
    "2",                  # material: some
    "1",                  # graphic: yes
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

FULL_ANSWERS = {
    "shift": "night", "incident": "significant", "material": 2, "graphic": True,
    "workload": 1, "support": 3, "sleep_hours": 5.5, "sleep_quality": 4, "nightmare": False,
    "intrusions": 2, "switch_off": 1, "mood": 6, "energy": None, "talked": False,
    "recovery": ("exercise", "people"), "note": "slept badly",
    "raise_at_supervision": True, "talking_point": "breaks on nights",
}


# Every question answered: what is left open in a test is exactly what it asks.
COMPLETE = {**FULL_ANSWERS, "energy": 5}


def test_a_full_checkin_by_keystrokes(keys):
    keys.send_text("".join(FULL))
    assert ask_checkin(None, {}, ask_alcohol=False) == FULL_ANSWERS


def test_s_also_skips_a_choice(keys):
    given = {n: v for n, v in COMPLETE.items() if n != "shift"}
    keys.send_text("s")
    assert ask_checkin(None, given, ask_alcohol=False)["shift"] is None


def test_skipping_everything(keys):
    # Enter alone skips every kind of question; a skipped shift is a working
    # day; no material and no incident means no graphic question: 11 questions.
    keys.send_text(ENTER * 11)
    answers = ask_checkin(None, {}, ask_alcohol=False)
    assert set(answers) == set(FULL_ANSWERS) - {"graphic", "talking_point"}
    assert all(v is None for v in answers.values())


def test_flags_are_not_asked_again(keys):
    given = {"shift": "day", "incident": "none", "material": 0, "workload": 3,
             "sleep_hours": 8.0, "sleep_quality": 8, "nightmare": False, "intrusions": 0,
             "switch_off": 4, "mood": 8, "energy": 7, "talked": True, "support": 4,
             "recovery": ("outdoors",), "raise_at_supervision": False}
    # Only the note is left open: "anything to add" offers it alone.
    keys.send_text("1" + "a good day" + ENTER)
    answers = ask_checkin(None, given, ask_alcohol=False)
    assert answers == {**given, "note": "a good day"}


def test_alcohol_is_asked_only_when_turned_on(keys):
    given = {n: v for n, v in COMPLETE.items() if n not in ("note", "talking_point")}
    keys.send_text("3" + ENTER + "1" + "x" + ENTER)
    answers = ask_checkin(None, given, ask_alcohol=True)
    assert (answers["alcohol_units"], answers["note"]) == (3.0, "x")


def test_amending_offers_earlier_answers_as_defaults(keys):
    existing = CheckIn(id="i", date="2026-11-27", created_at="a", updated_at="a",
                       **{k: v for k, v in COMPLETE.items()})
    # Enter everywhere keeps what was there; mood and energy typed afresh; the note cleared.
    presses = [ENTER] * 11
    presses[8] = CTRL_U + "8 5" + ENTER  # mood and energy
    presses[10] = "1" + CTRL_U + ENTER  # anything to add: the note, emptied: cleared
    keys.send_text("".join(presses))
    answers = ask_checkin(existing, {}, ask_alcohol=False)
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
    assert ask_checkin(None, given, ask_alcohol=False)["mood"] == 7


def test_ctrl_c_raises_keyboard_interrupt(keys):
    keys.send_text("4" + CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        ask_checkin(None, {}, ask_alcohol=False)


def test_duty_day_question_defaults_to_yesterday(keys):
    keys.send_text(ENTER)
    assert ask_duty_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 26)


# The same flow through the command itself, as if standard input were a terminal.

@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(common, "stdin_is_terminal", lambda: True)


def test_interactive_checkin_through_the_command(cli, keys, terminal, db_path):
    keys.send_text(ENTER + "".join(FULL))  # the first run asks for the nation: Enter keeps England
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert "Welcome to resilience." in result.stdout  # the first check-in on a new home
    [row] = rows(db_path)
    assert (row["shift"], row["mood"], row["recovery"], row["note"], row["talking_point"]) == (
        "night", 6, "exercise,people", "slept badly", "breaks on nights")


def test_flags_and_prompts_together(cli, keys, terminal, db_path):
    keys.send_text(ENTER + "".join(FULL[1:]))  # the nation; shift given by flag: not asked
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
    # material 0 and no incident: no graphic question, so 10 questions.
    presses = [ENTER] * 10
    presses[0] = "2"  # shift: day (kept)
    presses[7] = CTRL_U + "7" + ENTER  # mood
    keys.send_text("".join(presses))
    result = cli("edit", "today")
    assert result.exit_code == 0, result.stderr
    assert "Updated your check-in" in result.stdout
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
    keys.send_text(ENTER + "".join(FULL))
    assert cli("checkin").exit_code == 0
    assert rows(db_path)[0]["date"] == (today() - dt.timedelta(days=1)).isoformat()


def test_the_welcome_comes_once(cli, keys, terminal):
    keys.send_text("".join(FULL))
    assert "Welcome to resilience." in cli("checkin").stdout
    keys.send_text(ENTER * 11)
    assert "Welcome to resilience." not in cli("checkin").stdout
    assert "Welcome to resilience." not in cli().stdout
