"""The installed console script in a real pseudo-terminal, as a person would use it."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import rows, spelled, today

pytestmark = pytest.mark.terminal


def script() -> str:
    found = Path(sys.executable).parent / "resilience"
    if found.exists():
        return str(found)
    which = shutil.which("resilience")
    assert which, "the resilience console script is not installed"
    return which


def spawn(home: Path, *args: str, columns: int = 100) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    # pexpect is a terminal that never answers cursor-position requests; a real
    # one does at once. Without this, prompt_toolkit waits for each answer.
    env.update(RESILIENCE_HOME=str(home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    child = pexpect.spawn(script(), list(args), env=env, encoding="utf-8",
                          timeout=20, dimensions=(40, columns))
    return child


def answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect_exact(question)
    child.send(keys)


def test_a_person_checks_in(home, db_path):
    day = today()  # read once: a run that crosses midnight agrees with itself
    child = spawn(home, "checkin", "--date", day.isoformat())
    answer(child, "Where in the UK do you live?", "3")
    # The first Enter confirms the 3; the second skips the service: no numbers asked.
    answer(child, "Which service do you work in", "\r\r")
    child.expect_exact("Every question can be skipped.")
    answer(child, "What kind of day was it?", "2")
    answer(child, "distressing incident", "0")
    answer(child, "distressing material", "1")
    answer(child, "graphic images", "n")
    answer(child, "hostile or distressing interactions", "2")
    answer(child, "How manageable was your workload", "3 4\r")
    answer(child, "how many hours did you sleep", "7.5 8\r")
    answer(child, "Did unwanted memories", "0")
    answer(child, "How well could you switch off", "3")
    answer(child, "how has your mood been", "7 6\r")
    answer(child, "What did you do for yourself?", "1t\r")
    child.expect_exact("exercise (20 min or more), talked to someone you")  # what was chosen, in words
    answer(child, "Anything to add?", "\r")
    child.expect_exact(f"Saved your check-in for {spelled(day)} (day shift).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (home / "config.toml").read_text() == (
        "# Settings for resilience: see resilience config.\n\n[contacts]\nregion = \"scotland\"\n")
    [row] = rows(db_path)
    assert {k: row[k] for k in ("shift", "incident", "material", "graphic", "workload",
                                "sleep_hours", "sleep_quality", "nightmare", "intrusions",
                                "switch_off", "mood", "energy", "talked", "support",
                                "recovery", "note", "raise_at_supervision", "interactions")} == {
        "shift": "day", "incident": "none", "material": 1, "graphic": 0, "interactions": 2, "workload": 3,
        "sleep_hours": 7.5, "sleep_quality": 8, "nightmare": 0, "intrusions": 0,
        "switch_off": 3, "mood": 7, "energy": 6, "talked": 1, "support": 4,
        "recovery": "exercise", "note": None, "raise_at_supervision": None,
    }


def test_a_rest_day_asks_ten_questions_or_fewer_and_enter_skips_them_all(home, db_path):
    """Enter through every question of `checkin --shift rest` saves an all-skipped rest day."""
    import io
    import re

    day = today()
    child = spawn(home, "checkin", "--shift", "rest", "--date", day.isoformat())
    screen = io.StringIO()
    child.logfile_read = screen
    asked = 0
    while True:
        # Each question ends with its hint in brackets; the check-in ends with "Saved".
        found = child.expect([r"\(press the key|\(hours|\(two numbers|\(keys 1 to 7|\(1 to 4",
                              "Saved your check-in"])
        if found == 1:
            break
        asked += 1
        child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    drawn = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", screen.getvalue())
    questions = {m for m in re.findall(r"\? ([A-Z][a-z]+ [a-z]+ [a-z]+)", drawn)}
    # The nation and the service (first run), then sleep, unwanted memories, switching
    # off, mood and energy, recovery and "anything to add": no work or exposure question.
    assert asked == 8 and len(questions) == 8, questions
    assert "How well could you switch off from work today?" in " ".join(drawn.split())
    for work_question in ("distressing incident", "distressing material", "workload", "supported did you feel"):
        assert work_question not in drawn
    [row] = rows(db_path)
    assert row["shift"] == "rest"
    assert all(row[name] is None for name in ("incident", "material", "graphic", "interactions", "workload", "support",
                                              "sleep_hours", "sleep_quality", "nightmare", "intrusions",
                                              "switch_off", "mood", "energy", "talked", "recovery", "note"))


def test_ctrl_c_saves_nothing(home):
    child = spawn(home, "checkin", "--date", "today")  # a fixed day: no duty-day question before 06:00
    answer(child, "Where in the UK do you live?", "2")
    answer(child, "Which service do you work in", "\r\r")  # confirms the 2, then skips
    answer(child, "What kind of day was it?", "4")
    child.expect_exact("distressing incident")
    child.sendintr()
    child.expect_exact("Check-in cancelled; nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (home / "journal.db").exists()
    assert not (home / "config.toml").exists()  # the nation is saved with the check-in, not before


def test_status_in_a_terminal(home):
    child = spawn(home, "status")
    child.expect_exact("No check-in yet today.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_on_a_very_bad_day_at_40_columns(home, db_path):
    """The safety question in whole words at 40 columns, Enter skips it, and help follows."""
    from resilience_cli.prompts.question import question_lines
    from resilience_cli.safety import question
    QUESTION = question()

    child = spawn(home, "checkin", "--date", "today", "--shift", "day", "--incident", "none", "--no-hurt", "--material", "0",
                  "--interactions", "1",
                  "--workload", "2", "--sleep-hours", "5", "--sleep-quality", "2", "--no-nightmare",
                  "--intrusions", "4", "--switch-off", "1", "--mood", "1", "--energy", "2",
                  "--no-talked", "--support", "1", "--recovery", "nothing", "--no-raise", columns=40)
    answer(child, "Where in the UK do you live?", "\r")
    answer(child, "Which service do you work in", "\r")
    answer(child, "Anything to add?", "\r")
    for line in question_lines(QUESTION, 40):
        assert len(line) <= 39
        child.expect_exact(line[2:])
    child.send("\r")  # Enter alone skips
    child.expect_exact("Support: You don't have to carry this")
    child.expect_exact("call 116 123")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert rows(db_path, "SELECT * FROM safety_answers") == []
    assert rows(db_path)[0]["mood"] == 1


def test_help_now_in_a_terminal(home):
    child = spawn(home, "sos")
    child.expect_exact("call 116 123")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_first_run_asks_the_service_and_own_numbers_then_help_shows_them_first(home):
    """The nation, the service, the person's own numbers (a word refused, a number taken),
    saved with the check-in; help-now then lists them first, with the routes for the work."""
    import re
    import subprocess

    child = spawn(home, "checkin", "--date", "today", "--shift", "rest", "--no-nightmare", "--mood", "6")
    answer(child, "Where in the UK do you live?", "2")  # Wales
    answer(child, "Which service do you work in", "1")  # prison
    answer(child, "employee assistance line's number", "ring the office\r")
    child.expect_exact("That does not look like a phone number")
    child.send("\x15" + "0800 123 4567\r")  # Ctrl-U clears the line
    answer(child, "TRiM practitioner or care team", "\r")  # Enter skips
    child.expect_exact("Every question can be skipped.")
    for _ in range(6):  # sleep, memories, switching off, energy, recovery, anything to add
        child.expect(r"\(")
        child.send("\r")
    child.expect_exact("Saved your own numbers")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    config = (home / "config.toml").read_text()
    assert 'region = "wales"' in config and '[work]\nservice = "prison"' in config
    assert '[[contacts.own]]\nname = "Your employee assistance line"\nhow = "call 0800 123 4567"\n' in config
    shown = subprocess.run([script(), "help-now", "--plain"], capture_output=True, text=True, check=True,
                           env={**os.environ, "RESILIENCE_HOME": str(home), "COLUMNS": "100"}).stdout
    lines = [line for line in shown.splitlines() if re.match(r"\S.*: ", line)]
    assert lines[0] == "Your employee assistance line: call 0800 123 4567"
    assert lines[1] == "Emergency services: call 999"
    assert "HMPPS employee assistance line" not in shown  # said once: the saved number stands in
    assert "Your care team or a TRiM practitioner: through your line manager" in shown


# -- how the installed command ends -----------------------------------------------


def _script() -> str:
    import sys

    return str(Path(sys.executable).parent / "resilience")


def test_the_installed_command_leaves_nothing_unwritten(home, tmp_path):
    """The command ends without tearing the interpreter down (cli._end): what it wrote
    to a file or a pipe, which Python buffers, must still all arrive."""
    import os
    import subprocess

    # Buffered, as a user's Python is (this environment may set PYTHONUNBUFFERED).
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "RESILIENCE_HOME": str(home)}
    out = tmp_path / "out.txt"
    with open(out, "w") as stdout:
        saved = subprocess.run([_script(), "checkin", "--shift", "day", "--mood", "5", "--no-input"],
                               stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    assert saved.returncode == 0, saved.stderr
    assert out.read_text().startswith("Saved your check-in for ")
    refused = subprocess.run([_script(), "checkin", "--mood", "11", "--no-input"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode == 2
    assert refused.stderr.endswith("Nothing was saved.\n")
    listed = subprocess.run([_script(), "log", "--format", "csv"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2
    # Whatever is still in Python's buffers when the command returns is written out.
    unflushed = subprocess.run([sys.executable, "-c", "import sys\nfrom resilience_cli.cli import _end\n"
                                "sys.stdout.write('still buffered'); sys.stderr.write('and this')\n_end(3)"],
                               stdout=open(tmp_path / "buffered.txt", "w"), stderr=subprocess.PIPE, text=True,
                               env=env, timeout=60)
    assert (unflushed.returncode, (tmp_path / "buffered.txt").read_text(), unflushed.stderr) == (
        3, "still buffered", "and this")


def test_a_reader_that_stops_early_is_no_failure(home, db_path):
    """`resilience log --days 3650 | head -1`: the reader goes away after one line."""
    import datetime as dt
    import os
    import subprocess

    from resilience_cli.sample import generate
    from resilience_cli.store import JournalStore

    with JournalStore.open(db_path, create=True) as store:
        store.insert_many(generate(dt.date(2026, 11, 27), 3650))
    env = {**os.environ, "RESILIENCE_HOME": str(home)}
    for _ in range(3):
        log = subprocess.Popen([_script(), "log", "--days", "3650", "--to", "2026-11-27"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert log.stdout.readline().startswith(b"Day")
        log.stdout.close()
        assert log.wait(timeout=60) == 0
        assert log.stderr.read() == b""
        log.stderr.close()
