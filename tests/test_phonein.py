"""Phone-ins: plan (reminders and a calendar file), prep, host and after, through the real entry point."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess

import pytest
from conftest import days_ago, rows, spelled, today

from resilience_cli.phonein import Plan, Turns, reminder_text

ENTER = "\r"
SPACE = " "


def next_weekday(weekday: int, *, not_today: bool = False) -> dt.date:
    ahead = (weekday - today().weekday()) % 7
    if ahead == 0 and not_today:
        ahead = 7
    return today() + dt.timedelta(days=ahead)


# -- plan ---------------------------------------------------------------------

def test_plan_records_the_phonein_and_prints_reminders(cli, db_path):
    result = cli("phonein", "plan", "--every", "wed 14:00")
    assert result.exit_code == 0, result.stderr
    # The clock stands at noon: a Wednesday 14:00 call today is still to come.
    first = next_weekday(2)
    [plan] = rows(db_path, "SELECT weekday, at, minutes, fortnightly, starts FROM phonein_plan")
    assert plan == {"weekday": "wednesday", "at": "14:00", "minutes": 30, "fortnightly": 0,
                    "starts": first.isoformat()}
    assert result.stderr == "Saved your phone-in: every Wednesday at 14:00, 30 minutes.\n"
    assert f"# Your phone-in: every Wednesday at 14:00, 30 minutes; the first on {spelled(first)}." in result.stdout
    cron = next(line for line in result.stdout.splitlines() if line.startswith("45 13 "))
    assert cron.startswith("45 13 * * 3 DBUS_SESSION_BUS_ADDRESS=")
    assert "phonein prep" in cron and "Phone-in at 14:00" in cron
    assert "OnCalendar=Wed *-*-* 13:45:00" in result.stdout


def test_a_new_plan_replaces_the_last(cli, db_path):
    cli("phonein", "plan", "--every", "wed 14:00")
    result = cli("phonein", "plan", "--every", "Friday 09:05", "--fortnightly", "--minutes", "20")
    assert result.exit_code == 0
    assert result.stderr == ("Saved your phone-in: every other Friday at 09:05, 20 minutes "
                             "(it replaces every Wednesday at 14:00).\n")
    assert rows(db_path, "SELECT weekday, at, minutes, fortnightly FROM phonein_plan") == [
        {"weekday": "friday", "at": "09:05", "minutes": 20, "fortnightly": 1}]


def test_a_call_earlier_today_starts_next_week(cli, db_path):
    weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][today().weekday()]
    assert cli("phonein", "plan", "--every", f"{weekday} 09:00").exit_code == 0
    assert rows(db_path, "SELECT starts FROM phonein_plan") == [
        {"starts": (today() + dt.timedelta(days=7)).isoformat()}]


@pytest.mark.parametrize("every", ["wednesday", "14:00 wed", "wed 25:00", "t 09:00", "wed 9am"])
def test_a_plan_needs_a_day_and_a_time(cli, home, every):
    result = cli("phonein", "plan", "--every", every)
    assert result.exit_code == 2
    assert result.stderr == (f'--every takes a day and a time on the 24-hour clock, such as "wed 14:00"; '
                             f"you gave {every!r}.\n")
    assert not (home / "journal.db").exists()


def test_a_plan_of_minutes_out_of_range_is_refused(cli, home):
    result = cli("phonein", "plan", "--every", "wed 14:00", "--minutes", "500")
    assert result.exit_code == 2
    assert result.stderr == "--minutes must be a whole number from 5 to 240; you gave 500.\n"
    assert not (home / "journal.db").exists()


def test_the_calendar_file_reads_back_with_its_recurrence(cli, tmp_path):
    import icalendar

    path = tmp_path / "phonein.ics"
    result = cli("phonein", "plan", "--every", "thu 09:30", "--fortnightly", "--minutes", "20", "--ics", str(path))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert result.stderr.endswith(f"Wrote the calendar file {path}: import it into your calendar.\n")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    [event] = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == dt.datetime.combine(next_weekday(3), dt.time(9, 30))
    assert event.decoded("duration") == dt.timedelta(minutes=20)
    rule = event["rrule"]
    assert (rule["FREQ"], rule["INTERVAL"], rule["BYDAY"]) == (["WEEKLY"], [2], ["TH"])
    assert str(event["summary"]) == "Phone-in"
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -dt.timedelta(minutes=15)
    # Nothing of the journal, nobody's name, no time zone (the time is the officer's own).
    assert b"TZID" not in path.read_bytes()


def test_without_the_calendar_extra_nothing_is_saved(cli, home, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "icalendar", None)  # as if not installed
    result = cli("phonein", "plan", "--every", "wed 14:00", "--ics", str(tmp_path / "p.ics"))
    assert result.exit_code == 1
    assert result.stderr == ("Writing a calendar file needs the icalendar library: pip install "
                             "'resilience-checkin[calendar]'. Nothing was saved; without --ics the plan "
                             "needs nothing more.\n")
    assert not (tmp_path / "p.ics").exists() and not (home / "journal.db").exists()


def test_the_calendar_to_standard_output(cli):
    import icalendar

    result = cli("phonein", "plan", "--every", "mon 08:00", "--ics", "-")
    assert result.exit_code == 0, result.stderr
    [event] = icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")
    assert (event["rrule"]["FREQ"], event["rrule"]["BYDAY"]) == (["WEEKLY"], ["MO"])
    assert "INTERVAL" not in event["rrule"]
    assert "crontab" not in result.stdout


def test_the_calendar_file_is_never_written_over_a_file_or_into_the_journal_folder(cli, home, tmp_path):
    taken = tmp_path / "taken.ics"
    taken.write_text("mine")
    result = cli("phonein", "plan", "--every", "wed 14:00", "--ics", str(taken), terminal=False)
    assert result.exit_code == 2
    assert "already exists. Add --force to replace it" in result.stderr
    assert taken.read_text() == "mine"
    assert not (home / "journal.db").exists()  # refused before anything was saved
    cli("where")
    home.mkdir(exist_ok=True)
    result = cli("phonein", "plan", "--every", "wed 14:00", "--ics", str(home / "journal.db"))
    assert result.exit_code == 2
    assert "is in the folder that holds your journal and settings" in result.stderr


def test_the_fortnightly_reminder_fires_every_other_week_only(tmp_path):
    """The cron line's own test, run by sh with a `date` that says when it is."""
    plan = Plan("p", "wednesday", "14:00", 30, True, "2026-12-09")
    first = 1_796_802_300  # the first reminder, as a Unix time
    line = next(x for x in reminder_text(plan, "resilience", first).splitlines() if x.startswith("45 13 "))
    test = line.split("sh -c '", 1)[1].split(" && notify-send", 1)[0].replace("\\%", "%")
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "date").write_text('#!/bin/sh\necho "$NOW"\n')
    (fake / "date").chmod(0o755)

    def fires(at: int) -> bool:
        env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "NOW": str(at)}
        return subprocess.run(["sh", "-c", test], env=env).returncode == 0

    week = 7 * 86400
    hour = 3600
    assert [fires(first + n * week) for n in range(5)] == [True, False, True, False, True]
    # A clock change moves the reminder an hour either way; it stays in its week.
    assert fires(first + 2 * week - hour) and fires(first + 2 * week + hour)


# -- prep -----------------------------------------------------------------------

def test_prep_shows_a_few_lines_since_the_last_phonein(cli, db_path):
    # Eight weeks of 7.5-hour nights before; since the last takeaway, three short nights,
    # two heavy days and one day marked to raise.
    for n in range(20, 40):
        assert cli("checkin", "--date", days_ago(n), "--sleep-hours", "7.5", "--no-input").exit_code == 0
    printf = "Good to hear others\n---\nA walk after lates\n"
    cli("phonein", "after", "--takeaway-stdin", input=printf)
    conn_day = days_ago(6)
    import sqlite3

    with sqlite3.connect(db_path) as conn:  # the takeaway was a week ago
        conn.execute("UPDATE phoneins SET date = ?", (conn_day,))
    cli("checkin", "--date", days_ago(5), "--sleep-hours", "5.5", "--material", "3", "--no-input")
    cli("checkin", "--date", days_ago(3), "--sleep-hours", "5", "--incident", "minor", "--no-input")
    cli("checkin", "--date", days_ago(1), "--sleep-hours", "6", "--no-input")
    cli("checkin", "--talking-point-stdin", "--no-input", input="Cover for breaks\n")
    result = cli("phonein", "prep", "--no-input")
    assert result.exit_code == 0, result.stderr
    d5, d3, d0 = (today() - dt.timedelta(days=n) for n in (5, 3, 0))
    short = "{:%a} {} {:%b}".format
    assert result.stdout == (
        "Just for you: nothing here leaves your journal.\n"
        f"\nSince {spelled(today() - dt.timedelta(days=5))}:\n"
        f"  Heavy exposure on 2 days: {short(d5, d5.day, d5)} and {short(d3, d3.day, d3)}.\n"
        "  Sleep: about 5.5 hours a night, less than your usual 7.5.\n"
        f"  You marked {short(d0, d0.day, d0)} to raise (latest: Cover for breaks).\n"
        "  Last time you said you'd: A walk after lates\n"
    )


def test_prep_on_a_quiet_journal(cli, home):
    result = cli("phonein", "prep", "--no-input")
    assert result.exit_code == 0
    assert "Nothing stands out in your check-ins. That is fine too." in result.stdout
    assert not (home / "journal.db").exists()


def test_what_to_bring_is_saved_privately_and_never_leaves(cli, terminal, keys, db_path, tmp_path):
    cli("phonein", "plan", "--every", "wed 14:00")
    keys.send_text("Rota worries on nights" + ENTER)
    result = cli("phonein", "prep")
    assert result.exit_code == 0, result.stderr
    assert "Noted in your journal. It is not exported and never goes into a summary." in result.stdout
    assert [r["bring"] for r in rows(db_path, "SELECT * FROM phonein_preps")] == ["Rota worries on nights"]
    cli("checkin", "--mood", "6", "--no-input")
    exported = cli("export", "--format", "jsonl").stdout
    assert "Rota worries" not in exported
    summary = cli("summary", "--no-input", "--include", "phonein", "--include", "notes", terminal=False).stdout
    assert "Rota worries" not in summary


# -- host -----------------------------------------------------------------------

def test_host_running_order_in_markdown(cli, home):
    result = cli("phonein", "host", "--format", "md", "--rounds", "3", "--seconds", "60")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Phone-in: running order\n\n## Opening: ground rules\n\n")
    assert "- Nobody has to speak: saying \"pass\" is always fine.\n" in out
    assert "- No details of incidents or cases. This is not a debrief; it is about how we are doing.\n" in out
    assert "## Rounds (about 1 min each; anyone may pass)\n\n1. One word for the week.\n2. " in out
    assert "\n3. Would anyone like a word after the call? Just say, or message me.\n" in out
    assert "  - Samaritans: call 116 123" in out
    assert ("\n- Every route, with who runs it, its hours and what is recorded: resilience routes. "
            "Urgent contacts at any time: resilience help-now.\n") in out
    assert out.endswith("Nothing about anyone on the call is recorded.\n")
    assert not home.exists() or not (home / "journal.db").exists()


def test_host_draws_the_middle_rounds_from_the_bank_by_week(cli):
    from resilience_cli.phonein import load_bank

    bank = load_bank()
    week = today().isocalendar().week
    out = cli("phonein", "host", "--format", "md", "--rounds", "4").stdout
    expected = [bank.middle[(week + n) % len(bank.middle)] for n in range(2)]
    assert f"2. {expected[0]}\n3. {expected[1]}\n" in out


@pytest.mark.parametrize("args,message", [
    (("--rounds", "1"), "--rounds must be a whole number from 2 to 8; you gave 1.\n"),
    (("--seconds", "5"), "--seconds must be a whole number from 10 to 1800; you gave 5.\n"),
])
def test_host_refuses_what_cannot_be(cli, args, message):
    result = cli("phonein", "host", "--format", "md", *args)
    assert (result.exit_code, result.stderr) == (2, message)


def test_host_screen_two_rounds_in_pipe_input(cli, terminal, screen, home):
    pipe, drawn = screen
    # Round 1: Space passes to a second person; n: round 2; Space, a pause; n ends the rounds.
    # The keys arrive at once, so the screen shows the first state and the last.
    pipe.send_text(SPACE + "n" + SPACE + "p" + "n")
    result = cli("phonein", "host", "--rounds", "2", "--seconds", "90")
    assert result.exit_code == 0, result.stderr
    drawn.seek(0)
    shown = drawn.buffer.getvalue().decode() if hasattr(drawn, "buffer") else drawn.read()
    assert "Round 1 of 2: One word for the week." in shown
    assert "Person 1: 0:00 of 1:30\r\n" in shown
    assert ("Round 2 of 2: Would anyone like a word after the call? Just say, or message me.\r\n"
            "Person 2: 0:00 of 1:30 (paused)") in shown
    assert "Space: next person   p: pause   n: next round   q: close the call" in shown
    out = result.stdout
    assert out.startswith("Phone-in. Before the first round, read these out:\n")
    assert "2 of 2 rounds. To close, read these out:" in out
    assert "Samaritans: call 116 123" in out
    words = " ".join(out.split())  # the terminal's wrapping folded away
    assert ("Every route, with who runs it, its hours and what is recorded: resilience routes. "
            "Urgent contacts at any time: resilience help-now.") in words
    assert out.endswith("Nothing about anyone on the call was recorded.\n")
    assert not (home / "journal.db").exists()


def test_host_can_close_early(cli, terminal, keys):
    keys.send_text("q")
    result = cli("phonein", "host", "--rounds", "3")
    assert result.exit_code == 0
    assert "1 of 3 rounds. To close, read these out:" in result.stdout


def test_the_per_person_timer_counts_only_unpaused_time():
    now = [100.0]
    turns = Turns(("One word.", "What helped?"), 60, lambda: now[0])
    now[0] = 130.0
    assert turns.elapsed() == 30
    turns.toggle_pause()
    now[0] = 150.0
    assert turns.elapsed() == 30
    assert "Person 1: 0:30 of 1:00 (paused)" in turns.screen()
    turns.toggle_pause()
    now[0] = 185.0
    assert turns.elapsed() == 65
    assert "Person 1: 1:05 of 1:00 (time: thank them, and pass on)" in turns.screen()
    turns.next_person()
    assert (turns.person, turns.elapsed()) == (2, 0)
    turns.next_round()
    assert (turns.round, turns.person, turns.done) == (1, 1, False)
    turns.next_round()
    assert turns.done


# -- after ------------------------------------------------------------------------

def test_after_from_standard_input_saved_and_exported(cli, db_path, tmp_path):
    result = cli("phonein", "after", "--takeaway-stdin",
                 input="Not the only one finding nights hard\n---\nA walk after each late\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (f"Saved your takeaway from the phone-in on {spelled(today())}.\n"
                             "Shown again before the next one: A walk after each late\n")
    [row] = rows(db_path, "SELECT date, takeaway, one_thing FROM phoneins")
    assert row == {"date": today().isoformat(), "takeaway": "Not the only one finding nights hard",
                   "one_thing": "A walk after each late"}
    cli("phonein", "plan", "--every", "wed 14:00")
    out = tmp_path / "export.json"
    assert cli("export", "--output", str(out)).exit_code == 0
    records = json.loads(out.read_text())["records"]
    [taken] = [r for r in records if r["type"] == "phonein"]
    assert {k: taken[k] for k in ("date", "takeaway", "one_thing")} == row
    [plan] = [r for r in records if r["type"] == "phonein_plan"]
    assert (plan["weekday"], plan["at"], plan["fortnightly"]) == ("wednesday", "14:00", False)


def test_phoneins_import_back_and_twice_changes_nothing(cli, home, tmp_path, monkeypatch):
    cli("phonein", "after", "--takeaway-stdin", input="Good call\n")
    cli("phonein", "plan", "--every", "mon 08:00")
    out = tmp_path / "export.jsonl"
    cli("export", "--format", "jsonl", "--output", str(out))
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "elsewhere"))
    first = cli("import", str(out))
    assert first.exit_code == 0, first.stderr
    assert "  phone-in takeaways and plan: 2 new, 0 updated, 0 unchanged.\n" in first.stdout
    again = cli("import", str(out))
    assert "  phone-in takeaways and plan: 0 new, 0 updated, 2 unchanged.\n" in again.stdout
    db = tmp_path / "elsewhere" / "journal.db"
    assert [r["takeaway"] for r in rows(db, "SELECT * FROM phoneins")] == ["Good call"]
    assert [r["weekday"] for r in rows(db, "SELECT * FROM phonein_plan")] == ["monday"]


def test_an_invalid_phonein_record_imports_nothing(cli, tmp_path, home):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"type": "phonein", "id": "5b0c8f3e-2d7f-4a52-9a39-5f7d1b3c2e10",
                               "date": days_ago(1), "takeaway": 42, "created_at": "2026-01-01T00:00:00Z",
                               "updated_at": "2026-01-01T00:00:00Z"}) + "\n")
    result = cli("import", str(bad))
    assert result.exit_code == 2
    assert result.stderr == "Nothing was imported. Line 1: takeaway must be text.\n"


def test_after_says_nothing_from_argv_and_needs_a_terminal_or_stdin(cli, home):
    result = cli("phonein", "after", terminal=False)
    assert result.exit_code == 2
    assert result.stderr == ("Nothing to save: run resilience phonein after in a terminal to be asked, "
                             "or give your takeaway with --takeaway-stdin.\n")
    assert cli("phonein", "after", "Some words").exit_code == 2  # no free text on the command line


def test_after_asks_and_shows_back_last_times_one_thing(cli, terminal, keys, db_path):
    import sqlite3

    cli("phonein", "after", "--takeaway-stdin", input="First call\n---\nBed by eleven\n")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE phoneins SET date = ?", (days_ago(7),))
    keys.send_text("Others feel it too" + ENTER + ENTER)
    result = cli("phonein", "after")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Last time you said you'd: Bed by eleven\n")
    assert rows(db_path, "SELECT takeaway, one_thing FROM phoneins ORDER BY date")[-1] == {
        "takeaway": "Others feel it too", "one_thing": None}


# -- the summary ------------------------------------------------------------------

def test_summary_shows_phoneins_only_when_asked_and_screened(cli, home):
    cli("checkin", "--mood", "6", "--no-input")
    cli("phonein", "after", "--takeaway-stdin", input="Felt less alone\n---\nAsk for break cover\n")
    plain = cli("summary", "--no-input")
    assert plain.exit_code == 0
    assert "Phone-in" not in plain.stdout and "Felt less alone" not in plain.stdout
    shared = cli("summary", "--no-input", "--include", "phonein")
    assert "## Phone-ins: my own takeaways\n\n" in shared.stdout
    assert (f"- Phone-in on {spelled(today())}: what I took away: Felt less alone; "
            "one thing I'll do: Ask for break cover\n") in shared.stdout
    # A takeaway that could identify someone is held back, and standard error says so.
    cli("phonein", "after", "--takeaway-stdin", input="Talked about A1234BC\n")
    screened = cli("summary", "--no-input", "--include", "phonein")
    assert "A1234BC" not in screened.stdout
    assert (f"- Phone-in on {spelled(today())}: one thing I'll do: Ask for break cover\n") in screened.stdout
    assert (f"The phone-in takeaway from {spelled(today())} was left out: it may identify someone "
            "(a prison number (A1234BC)).") in screened.stderr


def test_summary_include_help_names_phonein(cli):
    result = cli("summary", "--include", "nonsense", "--no-input")
    assert result.exit_code == 2
    assert "phonein" in result.stderr


# -- help and Ctrl-C ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["plan", "prep", "host", "after"])
def test_every_phonein_command_has_help_with_an_example(cli, name):
    result = cli("phonein", name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"resilience phonein {name}" in result.stdout


@pytest.mark.parametrize("command", [("phonein", "after"), ("phonein", "prep")])
def test_ctrl_c_saves_nothing(cli, terminal, keys, home, command):
    keys.send_text("Half a thought\x03")
    result = cli(*command)
    assert result.exit_code == 130
    assert result.stderr == "Cancelled; nothing was saved.\n"
    assert not (home / "journal.db").exists()


# -- another language -----------------------------------------------------------------

@pytest.fixture
def pseudo(tmp_path, monkeypatch):
    """The pseudo-language (every message wrapped in ⟦…⟧), as tests/test_messages.py builds it."""
    from test_messages import catalogues

    from resilience_cli import messages

    catalogues.write_pseudo(tmp_path / "locales")
    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(tmp_path / "locales"))
    messages._catalogues.clear()
    yield
    messages._catalogues.clear()


def test_the_phonein_words_come_from_the_catalogue(cli, home, pseudo):
    from test_messages import leaks

    # The running order, the bank's words (data/phonein.toml) among them; the
    # support routes ("  - ...") are the contacts' words, not the phone-in's.
    order = cli("--lang", "qps", "phonein", "host", "--format", "md").stdout
    said = [line for line in order.splitlines() if line and not line.startswith("  - ")]
    assert len(said) > 10 and all("⟦" in line for line in said)
    assert leaks("\n".join(said)) == []
    plan = cli("--lang", "qps", "phonein", "plan", "--every", "wed 14:00", "--fortnightly")
    assert plan.exit_code == 0, plan.stderr
    assert "⟦" in plan.stderr and leaks(plan.stderr) == []
    # The snippets' own comments are words; the commands and paths in them are not.
    comments = [line for line in plan.stdout.splitlines() if line.startswith("# ") and "systemctl" not in line]
    assert len(comments) == 5 and all("⟦" in line for line in comments)
    prep = cli("--lang", "qps", "phonein", "prep", "--no-input")
    assert leaks(prep.stdout) == []
