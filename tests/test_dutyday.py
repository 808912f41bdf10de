"""The duty day after nights, amendments said answer by answer, real kinds of day, hurt at
work, and follow-ups that are seen: through the real entry point, under a fixed clock."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import flat, rows

from resilience_cli.clock import TEST_NOW
from resilience_cli.prompts import ask_checkin

ENTER = "\r"
CTRL_U = "\x15"
NIGHT_THEN_HOME = "2026-12-20T07:30:00"  # Sunday morning, after Saturday night's shift
NEXT_NIGHT = "2026-12-21T02:30:00"  # the small hours of Monday, during Sunday night's shift


@pytest.fixture
def at(monkeypatch):
    """Set the clock every run in this test reads (RESILIENCE_TEST_NOW)."""
    return lambda when: monkeypatch.setenv(TEST_NOW, when)


@pytest.fixture
def england(home):
    """A journal home whose nation and service are set: no welcome question before the check-in."""
    home.mkdir(exist_ok=True)
    (home / "config.toml").write_text('[contacts]\nregion = "england"\n\n[work]\nservice = "other"\n')
    return home


def day_rows(db_path) -> list[tuple]:
    return [(r["date"], r["shift"], r["incident"], r["mood"])
            for r in rows(db_path, "SELECT * FROM checkins ORDER BY date")]


# -- the duty day, without questions ------------------------------------------------

def test_after_a_night_a_morning_check_in_files_the_day_the_shift_began(cli, at, db_path):
    at(NIGHT_THEN_HOME)
    result = cli("checkin", "--shift", "night", "--mood", "6", "--no-input")
    assert result.exit_code == 0
    assert result.stderr == ("After a night shift, a check-in before 14:00 is for the day the shift began, so "
                             "this one is for the night shift that began Saturday 19 December. For today "
                             "instead, add --date today.\n")
    assert result.stdout.startswith("Saved your check-in for Saturday 19 December 2026 (night shift).\n")
    assert day_rows(db_path) == [("2026-12-19", "night", None, 6)]


@pytest.mark.parametrize("when,shift,day", [
    ("2026-12-20T07:30:00", "long", "2026-12-19"),     # a long shift that crossed midnight
    ("2026-12-20T13:59:00", "night", "2026-12-19"),    # up to the cut-off
    ("2026-12-20T14:00:00", "night", "2026-12-20"),    # after it: tonight's night shift
    ("2026-12-20T07:30:00", "day", "2026-12-20"),      # every other kind of day: today
    ("2026-12-20T07:30:00", "rest", "2026-12-20"),
    ("2026-12-20T07:30:00", "sick", "2026-12-20"),
    ("2026-12-20T07:30:00", "training", "2026-12-20"),
    ("2026-12-20T03:00:00", "day", "2026-12-19"),      # the small hours: the day before, whatever the shift
])
def test_which_day_each_kind_of_day_files(cli, at, db_path, when, shift, day):
    at(when)
    result = cli("checkin", "--shift", shift, "--no-input")
    assert result.exit_code == 0
    assert [r["date"] for r in rows(db_path)] == [day]
    # Said whenever it is not today; silent when it is.
    assert (result.stderr == "") == (day == when[:10])


def test_the_cut_off_is_a_setting(cli, at, home, db_path):
    home.mkdir()
    (home / "config.toml").write_text('[day]\nnight_shift_until = "10:00"\n')
    at("2026-12-20T10:30:00")
    assert cli("checkin", "--shift", "night", "--no-input").stderr == ""
    at("2026-12-20T09:30:00")
    assert "a check-in before 10:00 is for the day the shift began" in cli(
        "checkin", "--shift", "night", "--no-input").stderr
    assert [r["date"] for r in rows(db_path)] == ["2026-12-19", "2026-12-20"]
    (home / "config.toml").write_text('[day]\nnight_shift_until = "2pm"\n')
    bad = cli("config")
    assert (bad.exit_code, bad.stderr) == (2, f"In {home / 'config.toml'}, day.night_shift_until must be a "
                                              'time of day such as "14:00".\n')


def test_two_consecutive_nights_keep_both_days_the_incident_and_its_follow_up(cli, at, db_path, keys, terminal):
    at(NIGHT_THEN_HOME)
    first = cli("checkin", "--shift", "night", "--incident", "significant", "--mood", "3", "--no-input",
                terminal=False)
    assert first.exit_code == 0
    at(NEXT_NIGHT)
    second = cli("checkin", "--shift", "night", "--incident", "none", "--mood", "7", "--no-input", terminal=False)
    assert second.exit_code == 0
    assert second.stderr == ("Before 6 am a check-in is for the shift that began the day before, so this one is "
                             "for Sunday 20 December 2026. For today instead, add --date today.\n")
    assert second.stdout.startswith("Saved your check-in for Sunday 20 December 2026 (night shift).\n")
    assert day_rows(db_path) == [("2026-12-19", "night", "significant", 3), ("2026-12-20", "night", "none", 7)]

    due = "A short follow-up about Saturday's incident is due: resilience followup"
    at("2026-12-21T19:00:00")  # day 2: not yet
    assert cli("status", terminal=False).stdout == (
        "No check-in yet today. When you have a minute: resilience checkin\n")
    for day in ("22", "23", "24"):  # from day 3
        at(f"2026-12-{day}T12:00:00")
        assert cli("status", terminal=False).stdout == (
            f"No check-in yet today. When you have a minute: resilience checkin. {due}\n")
    assert cli(terminal=False).stdout.splitlines()[0] == f"No check-in yet today. Check in: resilience checkin. {due}"
    quiet = cli("checkin", "--shift", "rest", "--mood", "6", "--no-input", terminal=False)
    assert quiet.stderr == f"{due}\n"
    # Checked in: the line is the follow-up's, even with --quiet (that is when it helps).
    assert cli("status", "--quiet", terminal=False).stdout == f"Checked in today. {due}\n"

    keys.send_text("1" + "6" + ENTER + "0" + "3" + "o")
    answered = cli("followup")
    assert answered.exit_code == 0, answered.stderr
    assert answered.stdout.startswith("Day 3 after the significant incident on Saturday 19 December.\n")
    assert rows(db_path, "SELECT incident_date, kind, trim FROM followups") == [
        {"incident_date": "2026-12-19", "kind": "day3", "trim": "offered"}]
    assert cli("status", terminal=False).stdout == "Checked in today.\n"


# -- nothing replaced unseen --------------------------------------------------------

def test_an_amendment_says_what_it_changed_answer_by_answer(cli, at, db_path):
    at(NIGHT_THEN_HOME)
    cli("checkin", "--date", "2026-12-20", "--shift", "night", "--incident", "significant", "--mood", "3",
        "--no-input")
    result = cli("checkin", "--date", "2026-12-20", "--incident", "none", "--mood", "7", "--no-input")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Updated Sunday 20 December: incident significant → none; mood 3 → 7."
    assert flat(result.stdout) == (
        "Updated Sunday 20 December: incident significant → none; mood 3 → 7. mood 7/10. The follow-ups after "
        "a significant incident (about 3 days and 4 weeks later) will not be asked about this day.")
    again = cli("checkin", "--date", "2026-12-20", "--mood", "7", "--no-input")
    assert again.stdout.splitlines()[0] == "Sunday 20 December already had these answers: nothing changed."
    plain = cli("--plain", "checkin", "--date", "2026-12-20", "--shift", "sick", "--hurt", "--no-input")
    assert plain.stdout.splitlines()[0] == "Updated Sunday 20 December: shift night to sick; hurt skipped to yes."
    assert day_rows(db_path) == [("2026-12-20", "sick", "none", 7)]


def test_taking_away_an_incident_keeps_the_follow_ups_already_answered(cli, at, db_path, keys, terminal):
    at("2026-12-14T19:00:00")
    cli("checkin", "--shift", "day", "--incident", "significant", "--no-input", terminal=False)
    at("2026-12-17T19:00:00")
    keys.send_text("2" + "5" + ENTER + "1" + "3" + "o")
    assert cli("followup").stdout.startswith("Day 3 after the significant incident on Monday 14 December.\n")
    result = cli("checkin", "--date", "2026-12-14", "--incident", "minor", "--no-input", terminal=False)
    assert flat(result.stdout).startswith(
        "Updated Monday 14 December: incident significant → minor. No more follow-ups will be asked about "
        "this day's incident; the follow-up you answered is kept.")
    assert rows(db_path, "SELECT kind, intrusions FROM followups") == [{"kind": "day3", "intrusions": 2}]
    minor = cli("checkin", "--date", "2026-12-14", "--incident", "none", "--no-input", terminal=False)
    assert flat(minor.stdout) == ("Updated Monday 14 December: incident minor → none. A minor incident has no "
                                  "follow-ups, so nothing else changes.")


def test_an_interactive_check_in_after_a_night_asks_the_day_once_the_shift_is_known(
        cli, at, db_path, keys, terminal, england):
    at(NIGHT_THEN_HOME)
    # Night, and the Enter after it confirms it; which day: Enter keeps the night that began
    # Saturday; then Enter through the rest.
    keys.send_text("4" + ENTER + ENTER + ENTER * 10)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert ("Checking in for today, Sunday 20 December; after a night or long shift, for the day it began. "
            "Every question can be skipped.") in flat(result.stdout)
    assert day_rows(db_path) == [("2026-12-19", "night", None, None)]
    # Then a day shift the same morning (its Enter confirms it): no question, today, and said.
    keys.send_text("2" + ENTER + ENTER * 10)
    result = cli("checkin")
    assert "Checking in for today, Sunday 20 December." in result.stdout
    assert [r["date"] for r in rows(db_path)] == ["2026-12-19", "2026-12-20"]


def test_one_key_files_the_night_for_today_instead(cli, at, db_path, keys, terminal, england):
    at(NIGHT_THEN_HOME)
    keys.send_text("4" + "2" + ENTER + ENTER * 10)  # the first Enter confirms the 2
    assert cli("checkin").exit_code == 0
    assert [r["date"] for r in rows(db_path)] == ["2026-12-20"]


def test_backspace_returns_to_the_day_question_with_the_day_chosen(cli, at, db_path, keys, terminal, england):
    at(NIGHT_THEN_HOME)
    backspace = "\x7f"
    # Night; today (2); back from the incident to the day question: Enter keeps today.
    keys.send_text("4" + "2" + backspace + ENTER + ENTER * 10)
    assert cli("checkin").exit_code == 0
    assert [(r["date"], r["shift"]) for r in rows(db_path)] == [("2026-12-20", "night")]
    # The next morning: night, then back from the day question to the shift: a late
    # shift is today's, with no question (the first Enter confirms the 3).
    at("2026-12-21T08:00:00")
    keys.send_text("4" + backspace + "3" + ENTER + ENTER * 10)
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert [(r["date"], r["shift"]) for r in rows(db_path)] == [("2026-12-20", "night"), ("2026-12-21", "late")]


def test_an_interactive_check_in_for_a_day_with_one_opens_as_its_amendment(
        cli, at, db_path, keys, terminal, england):
    at("2026-12-20T07:31:00")
    cli("checkin", "--shift", "night", "--incident", "significant", "--mood", "3", "--no-input", terminal=False)
    at("2026-12-20T09:10:00")
    # Shift kept (night); day kept; incident kept; material; graphic; interactions; work; sleep;
    # memories; switching off; mood (changed to 7); what you did; anything to add.
    presses = [ENTER] * 13
    presses[10] = CTRL_U + "7" + ENTER
    keys.send_text("".join(presses))
    result = cli("checkin")
    assert result.exit_code == 0, result.stderr
    assert flat(result.stdout).startswith(
        "Amending Saturday 19 December, checked in at 07:31. Every question can be skipped.")
    # The good-moment tick sat unticked under the answered mood line: "no", as the dreams tick works.
    assert "Updated Saturday 19 December: mood 3 → 7; good moment skipped → no." in result.stdout.splitlines()
    assert day_rows(db_path) == [("2026-12-19", "night", "significant", 7)]


def test_edit_opens_with_when_the_day_was_checked_in(cli, at, keys, terminal):
    at("2026-12-20T20:05:00")
    cli("checkin", "--shift", "rest", "--mood", "5", "--no-input", terminal=False)
    keys.send_text(ENTER * 7)  # shift, sleep, memories, switching off, mood, what you did, anything to add
    result = cli("edit", "today")
    assert flat(result.stdout).startswith(
        "Amending Sunday 20 December, checked in at 20:05. Every question can be skipped.")
    assert "Sunday 20 December already had these answers: nothing changed." in result.stdout


# -- real days -----------------------------------------------------------------------

@pytest.mark.parametrize("key,shift", [("1", "rest"), ("6", "sick"), ("7", "leave")])
def test_off_sick_and_annual_leave_ask_what_a_rest_day_asks(keys, key, shift):
    keys.send_text(key + "8 7" + ENTER + "0" + "2" + "7 6" + ENTER + "2" + ENTER + ENTER)
    assert ask_checkin(None, {}) == {
        "shift": shift, "incident": None, "hurt": None, "material": None, "interactions": None,
        "workload": None, "support": None, "sleep_hours": 8.0, "sleep_quality": 7, "nightmare": False,
        "intrusions": 0, "switch_off": 2, "mood": 7, "energy": 6, "recovery": ("outdoors",), "talked": False,
        "note": None, "raise_at_supervision": None,
    }


def test_a_training_day_asks_what_a_working_day_asks_and_hurt_is_a_tick_on_the_incident(keys):
    # Training; h ticks "hurt", then 1 answers the incident (minor); material none; graphic no;
    # interactions a little; then Enter (confirming the 1) and Enter through the rest.
    keys.send_text("8" + "h" + "1" + "0" + "n" + "1" + ENTER + ENTER * 7)
    answers = ask_checkin(None, {})
    assert {k: answers[k] for k in ("shift", "incident", "hurt", "material", "graphic", "interactions",
                                    "workload")} == {
        "shift": "training", "incident": "minor", "hurt": True, "material": 0, "graphic": False,
        "interactions": 1, "workload": None}


def test_the_hurt_tick_answers_no_when_the_incident_is_answered_and_keeps_a_skip_skipped(keys):
    # Each first Enter confirms the one-key answer before it; then Enter skips the rest.
    keys.send_text("2" + "0" + ENTER + ENTER * 9)
    assert ask_checkin(None, {})["hurt"] is False
    keys.send_text("2" + ENTER + ENTER * 10)
    assert ask_checkin(None, {})["hurt"] is None


def test_hurt_at_work_brings_its_own_words_beside_the_incident_support(cli, at):
    at("2026-12-20T19:00:00")
    out = flat(cli("checkin", "--shift", "day", "--incident", "significant", "--hurt", "--no-input").stdout)
    assert "Support: After a significant incident" in out
    assert ("Support: Assaulted or hurt at work Being assaulted or hurt at work is an incident in its own right, "
            "never a personal failing. Report it through your workplace's process, even if it seems small. "
            "Occupational health can help with an injury and with how you are afterwards. Your union or staff "
            "association (the POA, Napo, UNISON, the Police Federation) can advise and stand with you.") in out
    assert "personal failing" not in flat(cli("checkin", "--no-hurt", "--no-input").stdout)


def test_kinds_of_day_and_hurt_are_shown_logged_counted_and_exported(cli, at, home):
    at("2026-12-20T19:00:00")
    for day, shift in (("14", "night"), ("15", "night"), ("16", "sick"), ("17", "sick"), ("18", "leave"),
                       ("19", "training"), ("20", "day")):
        extra = ("--hurt",) if day == "15" else ()
        assert cli("checkin", "--date", f"2026-12-{day}", "--shift", shift, "--mood", "6", *extra,
                   "--no-input").exit_code == 0
    assert "Shift off sick" in flat(cli("show", "2026-12-16").stdout)
    assert "Assaulted or hurt at work yes" in flat(cli("show", "2026-12-15").stdout)
    log = cli("log", "--days", "7").stdout.splitlines()
    assert log[2].split() == ["2026-12-15", "night", "-", "-", "-", "-", "6", "-", "-", "-", "hurt"]
    assert log[6].split()[:2] == ["2026-12-19", "training"]
    trends = json.loads(cli("trends", "--days", "7", "--format", "json").stdout)
    assert trends["days_by_type"] == {"rest": 0, "day": 1, "late": 0, "night": 2, "long": 0, "sick": 2,
                                      "leave": 1, "training": 1, "skipped": 0}
    assert (trends["exposure"]["hurt_days"], trends["exposure"]["working_days"]) == (1, 4)
    text = flat(cli("trends", "--days", "7").stdout)
    assert ("Kinds of day: 1 day shift, 2 night shifts, 2 days off sick, 1 day of annual leave, "
            "1 training, court or office day.") in text
    assert "Assaulted or physically hurt at work on 1 day." in text
    summary = flat(cli("summary", "--from", "2026-12-14", "--to", "2026-12-20", "--format", "md",
                       "--no-input").stdout)
    assert "| Assaulted or physically hurt at work | on 1 day |" in summary
    exported = json.loads(cli("export", "--format", "json").stdout)
    checkins = [r for r in exported["records"] if r["type"] == "checkin"]
    assert [(c["shift"], c["hurt"]) for c in checkins][:3] == [("night", None), ("night", True), ("sick", None)]


def test_an_older_export_without_hurt_or_the_new_kinds_imports_unchanged(cli, at, home, tmp_path, db_path):
    at("2026-12-06T12:00:00")  # the file's day is in the past whatever the machine's clock says
    older = tmp_path / "older.csv"
    older.write_text(
        "id,date,shift,incident,material,graphic,interactions,workload,sleep_hours,sleep_quality,nightmare,"
        "intrusions,switch_off,mood,energy,talked,support,recovery,alcohol_units,note,raise_at_supervision,"
        "talking_point,supported_colleague,created_at,updated_at\n"
        "3f2b8c1e-0000-4000-8000-000000000001,2026-11-02,night,minor,2,false,1,3,6.5,7,false,1,2,6,5,true,3,"
        "people,,,,,,2026-11-02T08:00:00Z,2026-11-02T08:00:00Z\n")
    result = cli("import", str(older))
    assert result.exit_code == 0, result.stderr
    [row] = rows(db_path)
    assert {k: row[k] for k in ("id", "date", "shift", "incident", "hurt", "material", "mood", "recovery",
                                "created_at")} == {
        "id": "3f2b8c1e-0000-4000-8000-000000000001", "date": "2026-11-02", "shift": "night", "incident": "minor",
        "hurt": None, "material": 2, "mood": 6, "recovery": "people", "created_at": "2026-11-02T08:00:00Z"}
    assert "unchanged" in cli("import", str(older)).stdout  # the same file twice changes nothing


def test_a_journal_from_before_m008_upgrades_with_every_answer_kept(db_path):
    import datetime as dt

    from sqlite_utils import Database

    from resilience_cli.store import JournalStore
    from resilience_cli.store.migrations import build

    db_path.parent.mkdir()
    db = Database(db_path)
    build().apply(db, stop_before="m008_day_kinds_and_hurt")
    db.execute(
        "INSERT INTO checkins (id, date, shift, incident, material, interactions, mood, recovery, note, "
        "supported_colleague, created_at, updated_at) VALUES ('old-1', '2026-11-01', 'long', 'significant', 2, 3, "
        "4, 'people,rest', 'kept', 1, 'a', 'b')")
    db.conn.commit()
    db.close()
    with JournalStore.open(db_path, create=False) as store:
        old = store.get(dt.date(2026, 11, 1))
        store.save(dt.date(2026, 11, 2), {"shift": "sick", "hurt": True})
    assert (old.id, old.shift, old.incident, old.material, old.interactions, old.mood, old.recovery, old.note,
            old.supported_colleague, old.hurt, old.created_at) == (
        "old-1", "long", "significant", 2, 3, 4, ("people", "rest"), "kept", True, None, "a")
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):  # the widened CHECK still refuses what is not a kind of day
            conn.execute("INSERT INTO checkins (id, date, shift, created_at, updated_at) "
                         "VALUES ('x', '2026-11-03', 'nights', 'a', 'a')")
        with pytest.raises(sqlite3.IntegrityError):  # and one check-in a day
            conn.execute("INSERT INTO checkins (id, date, created_at, updated_at) VALUES ('y', '2026-11-01', 'a', 'a')")
        assert [r[1] for r in conn.execute("PRAGMA table_info(checkins)")][-4:] == [
            "supported_colleague", "interactions", "hurt", "good_moment"]  # good_moment: m009, after
        assert conn.execute("SELECT shift, hurt FROM checkins WHERE date = '2026-11-02'").fetchone() == ("sick", 1)
    finally:
        conn.close()


# -- a real pseudo-terminal ----------------------------------------------------------

@pytest.mark.terminal
def test_two_nights_in_a_real_terminal_under_a_fixed_clock(home, db_path, at, england):
    """07:30 on getting home after Saturday night, then 02:30 during Sunday night."""
    import pexpect
    from test_terminal import answer, spawn

    at(NIGHT_THEN_HOME)
    child = spawn(home, "checkin")
    child.expect_exact("Checking in for today, Sunday 20 December; after a night or long shift, for the day")
    answer(child, "What kind of day was it?", "4")
    answer(child, "Which day does this check-in belong to?", "")
    child.expect_exact("the night shift that began Saturday 19 December")
    child.send("\r\r")  # the first Enter confirms the 4; the second keeps the night
    answer(child, "you were assaulted or physically hurt at work", "h2")  # the tick, then significant
    answer(child, "distressing material", "0")
    answer(child, "graphic images", "n")
    answer(child, "hostile or distressing interactions", "2")
    answer(child, "How manageable was your workload", "2 1\r")
    answer(child, "how many hours did you sleep", "5 4\r")
    answer(child, "Did unwanted memories", "1")
    answer(child, "How well could you switch off", "1")
    answer(child, "how has your mood been", "3 3\r")
    answer(child, "What did you do for yourself?", "\r")
    answer(child, "Anything to add?", "\r")
    child.expect_exact("Saved your check-in for Saturday 19 December 2026 (night shift).")
    child.expect_exact("Support: Assaulted or hurt at work")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    at(NEXT_NIGHT)
    child = spawn(home, "checkin")
    child.expect_exact("Checking in for the shift that began Sunday 20 December.")
    answer(child, "What kind of day was it?", "4")
    child.expect_exact("the night shift that began Sunday 20 December")
    child.send("\r\r")  # the first Enter confirms the 4; the second keeps the night
    answer(child, "distressing incident", "0")
    answer(child, "distressing material", "0")
    answer(child, "hostile or distressing interactions", "0")
    answer(child, "How manageable was your workload", "\r\r")  # confirms the 0, then skips
    answer(child, "how many hours did you sleep", "\r")
    answer(child, "Did unwanted memories", "\r")
    answer(child, "How well could you switch off", "\r")
    answer(child, "how has your mood been", "7\r")
    answer(child, "What did you do for yourself?", "\r")
    answer(child, "Anything to add?", "\r")
    child.expect_exact("Saved your check-in for Sunday 20 December 2026 (night shift).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [(r["date"], r["incident"], r["hurt"], r["mood"]) for r in rows(db_path)] == [
        ("2026-12-19", "significant", 1, 3), ("2026-12-20", "none", 0, 7)]
