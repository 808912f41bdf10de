"""The digit-then-Enter habit in a real pseudo-terminal, through the installed console script."""

from __future__ import annotations

import pexpect
import pytest
from conftest import days_ago, rows, spelled, today
from test_terminal import answer, spawn

pytestmark = pytest.mark.terminal


def test_a_digit_then_enter_at_every_question_saves_the_day_meant(cli, home, db_path):
    cli("checkin", "--date", days_ago(1), "--mood", "7", "--no-input")  # a journal already: no welcome
    day = today()
    child = spawn(home, "checkin", "--date", day.isoformat())
    # Some keys as one burst (the Enter reaches the next question typed ahead),
    # some with the next question already drawn when the Enter comes.
    answer(child, "What kind of day was it?", "2\r")
    answer(child, "distressing incident", "0")
    answer(child, "distressing material", "\r")
    child.send("0\r")
    answer(child, "hostile or distressing interactions", "2")
    answer(child, "How manageable was your workload", "\r3 2\r")
    answer(child, "how many hours did you sleep", "6.5 7\r")
    answer(child, "Did unwanted memories", "1\r")
    answer(child, "How well could you switch off", "3\r")
    answer(child, "how has your mood been", "6 5\r")
    answer(child, "What did you do for yourself?", "3\r")
    answer(child, "Anything to add?", "\r")
    child.expect_exact(f"Saved your check-in for {spelled(day)} (day shift).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [row] = rows(db_path, f"SELECT * FROM checkins WHERE date = '{day.isoformat()}'")
    assert {k: row[k] for k in (
        "shift", "incident", "material", "graphic", "interactions", "workload", "support", "sleep_hours",
        "sleep_quality", "nightmare", "intrusions", "switch_off", "mood", "energy", "talked", "recovery",
        "alcohol_units", "note", "raise_at_supervision", "talking_point", "supported_colleague")} == {
        "shift": "day", "incident": "none", "material": 0, "graphic": None, "interactions": 2,
        "workload": 3, "support": 2, "sleep_hours": 6.5, "sleep_quality": 7, "nightmare": 0,
        "intrusions": 1, "switch_off": 3, "mood": 6, "energy": 5, "talked": 0, "recovery": "people",
        "alcohol_units": None, "note": None, "raise_at_supervision": None, "talking_point": None,
        "supported_colleague": None,
    }
