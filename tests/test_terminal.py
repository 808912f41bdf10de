"""The installed console script in a real pseudo-terminal, as a person would use it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import rows, today

from resilience_cli.model import day_words

pytestmark = pytest.mark.terminal


def script() -> str:
    found = Path(sys.executable).parent / "resilience"
    if found.exists():
        return str(found)
    which = shutil.which("resilience")
    assert which, "the resilience console script is not installed"
    return which


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    # pexpect is a terminal that never answers cursor-position requests; a real
    # one does at once. Without this, prompt_toolkit waits for each answer.
    env.update(RESILIENCE_HOME=str(home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(script(), list(args), env=env, encoding="utf-8",
                          timeout=20, dimensions=(40, 100))
    return child


def answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect_exact(question)
    child.send(keys)


def test_a_person_checks_in(home, db_path):
    child = spawn(home, "checkin", "--date", "today")
    child.expect_exact("Every question can be skipped.")
    answer(child, "What kind of day was it?", "2\r")
    answer(child, "distressing incident", "1\r")
    answer(child, "distressing material", "1\r")
    answer(child, "graphic images", "n\r")
    answer(child, "How manageable was your workload", "3\r")
    answer(child, "how many hours did you sleep", "7.5\r")
    answer(child, "How well did you sleep?", "8\r")
    answer(child, "Any upsetting dreams", "n\r")
    answer(child, "Did unwanted memories", "0\r")
    answer(child, "How well could you switch off", "3\r")
    answer(child, "how has your mood been?", "7\r")
    answer(child, "How much energy", "6\r")
    answer(child, "talk to someone you trust", "y\r")
    answer(child, "How supported did you feel", "4\r")
    answer(child, "What did you do for yourself?", " \r")
    answer(child, "Anything you want to remember?", "\r")
    answer(child, "raise at supervision?", "\r")
    child.expect_exact(f"Saved your check-in for {day_words(today())} (day shift).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [row] = rows(db_path)
    assert {k: row[k] for k in ("shift", "incident", "material", "graphic", "workload",
                                "sleep_hours", "sleep_quality", "nightmare", "intrusions",
                                "switch_off", "mood", "energy", "talked", "support",
                                "recovery", "note", "raise_at_supervision")} == {
        "shift": "day", "incident": "none", "material": 1, "graphic": 0, "workload": 3,
        "sleep_hours": 7.5, "sleep_quality": 8, "nightmare": 0, "intrusions": 0,
        "switch_off": 3, "mood": 7, "energy": 6, "talked": 1, "support": 4,
        "recovery": "exercise", "note": None, "raise_at_supervision": None,
    }


def test_ctrl_c_saves_nothing(home):
    child = spawn(home, "checkin")
    answer(child, "What kind of day was it?", "4\r")
    child.expect_exact("distressing incident")
    child.sendintr()
    child.expect_exact("Check-in cancelled; nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (home / "journal.db").exists()


def test_status_in_a_terminal(home):
    child = spawn(home, "status")
    child.expect_exact("No check-in yet today.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
