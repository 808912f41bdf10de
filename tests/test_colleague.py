"""Looking out for a colleague: the guide, reminders on the follow-up rhythm, and nothing about them kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import rows

from resilience_cli.clock import TEST_NOW

# A Monday: the issue's own example ("three days since Monday's incident with G").
INCIDENT = dt.date(2026, 11, 30)


@pytest.fixture
def clock(monkeypatch):
    """Set the program's clock to noon on a day `n` days after the incident."""
    def at(n: int) -> dt.date:
        day = INCIDENT + dt.timedelta(days=n)
        monkeypatch.setenv(TEST_NOW, dt.datetime.combine(day, dt.time(12)).isoformat())
        return day
    return at


def colleague_rows(db_path) -> list[dict]:
    return rows(db_path, "SELECT * FROM colleague_checks ORDER BY incident_date, nickname")


# The guide.

def test_the_guide_has_what_to_say_and_what_to_do_when_a_life_is_at_risk(cli):
    result = cli("colleague")
    assert result.exit_code == 0
    out = result.stdout
    for needed in (
        'Opening, a few days on: "How are you doing after Tuesday?"',
        "Listening, without fixing:",
        "When you are worried, ask directly:",
        "resilience routes lists the routes where you work",
        "resilience help-now the ones that answer now",
        "If a life is at risk\n  Stay with them. Don't leave them on their own.\n",
        "Or go to A&E together: go with them if you can.",
        "If it is safe to, help them put away anything they could use to harm themselves.",
        "confidentiality gives way when a life is at risk",
        "TRiM, the care team or the peer supporters where you work.",
        "Their union or Federation rep (the POA, Napo, UNISON, the Police Federation)",
        "The employee assistance line, occupational health, or their GP",
        "resilience colleague remember NICKNAME",
    ):
        assert needed in out, needed
    assert all(len(line) <= 100 for line in out.splitlines())


@pytest.mark.parametrize("sub", ["remember", "done", "list", "forget"])
def test_every_colleague_command_has_help_with_an_example(cli, sub):
    result = cli("colleague", sub, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: resilience colleague {sub}")
    assert f"resilience colleague {sub}" in result.stdout.split("Example", 1)[1]


# Reminders about day 3 and week 4, with a fixed clock.

NOT_YET = "No check-in yet today. When you have a minute: resilience checkin\n"


def test_the_nudge_comes_on_day_3_and_week_4_and_goes_after_done(cli, clock, db_path):
    clock(0)
    result = cli("colleague", "remember", "G")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Remembered G, after Monday 30 November. A reminder comes about day 3 (Thursday 3 December) and "
        "about week 4 (Monday 28 December), after a check-in and in resilience status.\n"
        "Only the nickname and the dates are kept. When you have had a word: resilience colleague done G\n")
    clock(2)
    assert cli("status").stdout == NOT_YET
    assert cli("status", "--quiet").stdout == NOT_YET

    clock(3)
    day3 = "It has been three days since Monday's incident with G. A word might help: resilience colleague\n"
    assert cli("status").stdout == NOT_YET + day3
    checkin = cli("checkin", "--mood", "6", "--no-input")
    assert checkin.exit_code == 0
    # Wrapped to the terminal's width, after the confirmation.
    assert " ".join(checkin.stdout.split()).endswith(" ".join(day3.split()))
    assert cli("status", "--quiet").stdout == day3  # checked in now: only the reminder speaks
    assert cli("colleague", "list").stdout == (
        "G, after Monday 30 November: about day 3, due now; about week 4, from Monday 28 December.\n")

    done = cli("colleague", "done", "g")  # any case
    assert done.exit_code == 0
    assert done.stdout == ("Noted: you had a word with G (about day 3 after Monday 30 November).\n"
                           "The next reminder comes about week 4, from Monday 28 December.\n")
    assert cli("status", "--quiet").stdout == ""
    assert [(r["nickname"], r["incident_date"], r["day3_done"], r["week4_done"])
            for r in colleague_rows(db_path)] == [("G", "2026-11-30", "2026-12-03", None)]

    clock(27)
    assert cli("status").stdout == NOT_YET
    clock(28)
    week4 = ("It has been four weeks since the incident with G on Monday 30 November. "
             "A word might help: resilience colleague\n")
    assert cli("status").stdout == NOT_YET + week4
    assert cli("colleague", "done", "G").stdout == (
        "Noted: you had a word with G (about week 4 after Monday 30 November).\n"
        "That was the last reminder for G. To remove every trace: resilience colleague forget G\n")
    assert cli("status").stdout == NOT_YET
    assert cli("colleague", "list").stdout == (
        "Nobody to look out for just now. After a hard shift or an incident: "
        "resilience colleague remember NICKNAME\n"
        "1 more with nothing open (kept for your counts in trends). "
        "resilience colleague forget NICKNAME removes every trace of one.\n")
    again = cli("colleague", "done", "G")
    assert again.exit_code == 1
    assert "Nothing is open for G" in again.stderr


def test_a_reminder_left_alone_lets_go_after_two_weeks(cli, clock):
    clock(0)
    cli("colleague", "remember", "G")
    clock(17)
    assert "since the incident with G" in cli("status").stdout
    clock(18)
    assert cli("status").stdout == NOT_YET
    assert cli("colleague", "list").stdout == (
        "G, after Monday 30 November: about day 3, passed; about week 4, from Monday 28 December.\n")


def test_list_in_json_for_scripts(cli, clock, home):
    """Every record, open or not, oldest incident first; each reminder due, done, not yet or passed."""
    clock(0)
    assert json.loads(cli("colleague", "list", "--format", "json").stdout) == []
    assert not (home / "journal.db").exists()  # asking creates nothing
    cli("colleague", "remember", "G")
    cli("colleague", "remember", "Sam", "--incident-date", "2026-11-29")
    clock(3)
    cli("colleague", "done", "G")
    cli("colleague", "remember", "Flo")
    clock(20)  # G: day 3 done, week 4 not yet; Sam: day 3 passed; Flo: day 3 due (day 17), week 4 not yet
    result = cli("colleague", "list", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"nickname": "Sam", "incident_date": "2026-11-29", "day3": "passed", "week4": "not yet"},
        {"nickname": "G", "incident_date": "2026-11-30", "day3": "done", "week4": "not yet"},
        {"nickname": "Flo", "incident_date": "2026-12-03", "day3": "due", "week4": "not yet"},
    ]
    clock(44)  # Sam's and G's week-4 reminders have passed (two weeks after they fell due); Flo's is due
    listed = json.loads(cli("colleague", "list", "--format", "json").stdout)
    assert [(c["nickname"], c["day3"], c["week4"]) for c in listed] == [
        ("Sam", "passed", "passed"), ("G", "done", "passed"), ("Flo", "passed", "due")]
    clock(46)  # and then Flo's too: the record stays, nothing open, until forgotten
    assert json.loads(cli("colleague", "list", "--format", "json").stdout)[2]["week4"] == "passed"
    assert cli("colleague", "list", "--format", "yaml").exit_code == 2
    # The README states the contract these keys and words keep.
    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text("utf-8").split())
    assert ("`nickname`, `incident_date`, and `day3` and `week4`, each one of `\"due\"` (offered now), "
            "`\"done\"` (you had a word), `\"not yet\"` (its day is to come) or `\"passed\"`") in readme


def test_a_word_before_day_3_counts_for_it(cli, clock, db_path):
    clock(1)
    cli("colleague", "remember", "G", "--incident-date", "yesterday")
    assert cli("colleague", "done", "G").stdout == (
        "Noted: you had a word with G (about day 3 after Monday 30 November).\n"
        "The next reminder comes about week 4, from Monday 28 December.\n")
    clock(3)
    assert cli("status").stdout == NOT_YET
    assert colleague_rows(db_path)[0]["day3_done"] == "2026-12-01"


def test_remembered_late_the_day_3_reminder_is_due_at_once_or_has_passed(cli, clock):
    clock(20)
    late = cli("colleague", "remember", "G", "--incident-date", "2026-11-30")
    assert late.stdout.splitlines()[:2] == [
        "Remembered G, after Monday 30 November. A reminder comes about week 4 (Monday 28 December), "
        "after a check-in and in resilience status.",
        "The day-3 reminder has already passed."]
    clock(4)
    soon = cli("colleague", "remember", "Sam", "--incident-date", "2026-11-30")
    assert soon.stdout.startswith("Remembered Sam, after Monday 30 November. A reminder comes about day 3 (now) "
                                  "and about week 4 (Monday 28 December)")


def test_remember_with_an_incident_date_and_its_refusals(cli, clock, db_path):
    clock(5)
    result = cli("colleague", "remember", "Sam", "--incident-date", "2026-11-30")
    assert result.exit_code == 0
    assert "It has been five days since Monday's incident with Sam." in cli("status").stdout
    assert cli("colleague", "remember", "sam", "--incident-date", "2026-11-30").stdout == (
        "Sam is already remembered after Monday 30 November. See what is open: resilience colleague list\n")
    assert len(colleague_rows(db_path)) == 1
    late = cli("colleague", "remember", "Jo", "--incident-date", "2026-10-01")
    assert late.exit_code == 2
    assert late.stderr.startswith("Both reminders after Thursday 1 October (about day 3 and week 4) have passed, "
                                  "so nothing was saved.")
    future = cli("colleague", "remember", "Jo", "--incident-date", "2026-12-25")
    assert future.exit_code == 2 and "is in the future" in future.stderr
    assert [r["nickname"] for r in colleague_rows(db_path)] == ["Sam"]


@pytest.mark.parametrize("name,reason", [
    ("Mr Smith", "a title and surname (Mr Smith)"),
    ("Officer O'Brien", "a title and surname (Officer O'Brien)"),
    ("A1234BC", "a prison number (A1234BC)"),
    ("Jane Doe", "what may be a person's name (Jane Doe)"),
])
def test_a_nickname_that_could_identify_someone_is_refused(cli, db_path, name, reason):
    result = cli("colleague", "remember", name)
    assert result.exit_code == 2
    assert result.stderr == (f"That nickname was not saved: it may identify someone ({reason}). "
                             "Choose one only you would know, such as an initial or a first name.\n")
    assert not db_path.exists()  # refused before anything was created


def test_forget_leaves_no_row_and_no_trace_in_the_file(cli, clock, db_path, home):
    clock(0)
    cli("colleague", "remember", "Zebedee")
    cli("colleague", "remember", "Zebedee", "--incident-date", "yesterday")
    cli("colleague", "remember", "Florence")
    cli("colleague", "done", "Zebedee")
    assert len(colleague_rows(db_path)) == 3

    asked = cli("colleague", "forget", "Zebedee")
    assert asked.exit_code == 2
    assert asked.stderr == "Add --yes to delete without being asked. Nothing was changed.\n"
    unknown = cli("colleague", "forget", "Nobody", "--yes")
    assert unknown.exit_code == 1
    assert unknown.stderr == ("There is no colleague called Nobody in your journal. "
                              "See who is: resilience colleague list\n")

    result = cli("colleague", "forget", "zebedee", "--yes")
    assert result.exit_code == 0
    assert result.stdout == ("Deleted 2 records of Zebedee. Backups and exports made before now "
                             "still hold them.\n")
    assert [r["nickname"] for r in colleague_rows(db_path)] == ["Florence"]
    assert ("Colleagues:   1 colleague reminder (a nickname and dates only).\n"
            "              To delete one: resilience colleague forget NICKNAME\n") in cli("privacy").stdout
    assert rows(db_path, "SELECT * FROM colleague_checks WHERE nickname LIKE '%zebedee%'") == []
    # Not in the file's free pages, nor in its write-ahead log.
    for path in home.iterdir():
        if path.name.startswith("journal.db"):
            assert b"Zebedee" not in path.read_bytes(), path.name


def test_forget_asks_in_a_terminal(cli, clock, db_path, monkeypatch):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    clock(0)
    cli("colleague", "remember", "G")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("n\r")
        declined = cli("colleague", "forget", "G", terminal=True)
    assert declined.exit_code == 130 and len(colleague_rows(db_path)) == 1
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("y\r")
        agreed = cli("colleague", "forget", "G", terminal=True)
    assert agreed.exit_code == 0 and colleague_rows(db_path) == []


def test_nothing_about_the_colleague_has_a_place_to_be_kept(db_path, cli):
    cli("colleague", "remember", "G")
    import sqlite3

    conn = sqlite3.connect(db_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(colleague_checks)")]
    conn.close()
    assert columns == ["id", "nickname", "incident_date", "day3_done", "week4_done", "created_at", "updated_at"]


# Export and import.

@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_colleague_records_go_out_and_come_back(cli, clock, db_path, home, tmp_path, monkeypatch, fmt):
    clock(3)
    cli("colleague", "remember", "G", "--incident-date", "2026-11-30")
    cli("colleague", "remember", "Sam")
    cli("colleague", "done", "G")
    before = colleague_rows(db_path)
    out = tmp_path / f"journal.{fmt}"
    assert cli("export", "--format", fmt, "--output", str(out)).exit_code == 0
    text = out.read_text()
    records = json.loads(text)["records"] if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    mine = [r for r in records if r["type"] == "colleague_check"]
    assert [(r["nickname"], r["incident_date"], r["day3_done"], r["week4_done"]) for r in mine] == [
        ("G", "2026-11-30", "2026-12-03", None), ("Sam", "2026-12-03", None, None)]
    assert set(mine[0]) == {"type", "id", "nickname", "incident_date", "day3_done", "week4_done",
                            "created_at", "updated_at"}

    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "elsewhere"))
    result = cli("import", str(out))
    assert result.exit_code == 0, result.stderr
    assert "  colleagues to look out for: 2 new, 0 updated, 0 unchanged." in result.stdout
    assert colleague_rows(tmp_path / "elsewhere" / "journal.db") == before
    again = cli("import", str(out))
    assert "  colleagues to look out for: 0 new, 0 updated, 0 unchanged" not in again.stdout
    assert "  colleagues to look out for: 0 new, 0 updated, 2 unchanged." in again.stdout


def test_an_imported_colleague_record_is_checked(cli, tmp_path, db_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"type": "colleague_check", "id": "3f2b8c1e-0000-4000-8000-000000000001",
                               "nickname": "G", "incident_date": "2026-11-30", "day3_done": "soon",
                               "week4_done": None, "created_at": "2026-11-30T12:00:00Z",
                               "updated_at": "2026-11-30T12:00:00Z"}) + "\n")
    result = cli("import", str(bad))
    assert result.exit_code == 2
    assert result.stderr == ("Nothing was imported. Line 1: day3_done must be a date as YYYY-MM-DD; "
                             "'soon' is not one.\n")
    mood = tmp_path / "mood.jsonl"
    mood.write_text(json.dumps({"type": "colleague_check", "id": "3f2b8c1e-0000-4000-8000-000000000001",
                                "nickname": "G", "incident_date": "2026-11-30", "how_they_are": "low",
                                "created_at": "2026-11-30T12:00:00Z", "updated_at": "2026-11-30T12:00:00Z"}) + "\n")
    refused = cli("import", str(mood))
    assert refused.exit_code == 2
    assert "how_they_are is not a field resilience knows" in refused.stderr


def test_an_imported_nickname_that_could_identify_someone_is_refused(cli, clock, tmp_path, db_path):
    """What `colleague remember` refuses, a file cannot bring in either."""
    clock(5)  # the incident in the file is in the past whatever the machine's clock says
    assert cli("colleague", "remember", "Sgt Smith").exit_code == 2
    flagged = tmp_path / "flagged.jsonl"
    flagged.write_text(json.dumps({"type": "colleague_check", "id": "3f2b8c1e-0000-4000-8000-000000000001",
                                   "nickname": "Sgt Smith", "incident_date": "2026-11-30", "day3_done": None,
                                   "week4_done": None, "created_at": "2026-11-30T12:00:00Z",
                                   "updated_at": "2026-11-30T12:00:00Z"}) + "\n")
    result = cli("import", str(flagged))
    assert result.exit_code == 2
    assert result.stderr.startswith("Nothing was imported. The colleague reminder for the incident on 2026-11-30 "
                                    "has a nickname that may identify someone (")
    assert not db_path.exists() or colleague_rows(db_path) == []
