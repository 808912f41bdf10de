"""The commands through their real entry point: flags, output, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from conftest import days_ago, rows, spelled, today

FULL_FLAGS = [
    "--shift", "night", "--incident", "minor", "--material", "2", "--graphic", "--interactions", "3",
    "--workload", "1", "--sleep-hours", "5.5", "--sleep-quality", "3", "--no-nightmare",
    "--intrusions", "2", "--switch-off", "1", "--mood", "4", "--energy", "3", "--talked",
    "--support", "2", "--recovery", "exercise", "--recovery", "people",
    "--alcohol-units", "2", "--raise",
]


def test_flag_only_checkin_stores_exact_values(cli, db_path):
    result = cli("checkin", "--date", "yesterday", *FULL_FLAGS, "--good-moment", "--no-input")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    [row] = rows(db_path)
    assert {k: v for k, v in row.items() if k not in ("id", "created_at", "updated_at")} == {
        "date": days_ago(1), "shift": "night", "incident": "minor", "hurt": None, "material": 2,
        "graphic": 1, "interactions": 3, "workload": 1, "sleep_hours": 5.5, "sleep_quality": 3,
        "nightmare": 0, "intrusions": 2, "switch_off": 1, "mood": 4, "energy": 3,
        "talked": 1, "support": 2, "recovery": "exercise,people", "alcohol_units": 2.0,
        "note": None, "raise_at_supervision": 1, "talking_point": None, "supported_colleague": None,
        "good_moment": 1,
    }
    assert row["created_at"] == row["updated_at"]
    assert row["created_at"].endswith("Z")


def test_confirmation_is_compact_and_shows_recent_average(cli):
    for n in (1, 2, 3):
        cli("checkin", "--date", days_ago(n), "--sleep-hours", "7", "--mood", str(4 + n), "--no-input")
    result = cli("checkin", "--shift", "day", "--sleep-hours", "6", "--mood", "5", "--no-input")
    assert result.stdout == (
        f"Saved your check-in for {spelled(today())} (day shift).\n"
        "  sleep 6 h (your 4-week average 7); mood 5/10 (your 4-week average 6.0).\n"
    )


def test_amend_by_flags_keeps_other_answers_and_id(cli, db_path):
    cli("checkin", "--mood", "3", "--shift", "late", "--no-input")
    [before] = rows(db_path)
    result = cli("checkin", "--date", "today", "--mood", "6", "--no-input")
    assert result.exit_code == 0
    # What the amendment changed, answer by answer (the day without its year: this year's).
    assert result.stdout.startswith(f"Updated {spelled(today()).rsplit(' ', 1)[0]}: mood 3 → 6.\n")
    [after] = rows(db_path)
    assert (after["id"], after["mood"], after["shift"]) == (before["id"], 6, "late")
    assert after["created_at"] == before["created_at"]


def test_checkin_with_nothing_answered_says_how_to_add_answers(cli, db_path):
    result = cli("checkin", "--no-input")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "Every question was skipped.",
        f"To add answers later: resilience edit {today().isoformat()}",
    ]
    assert len(rows(db_path)) == 1


def test_stdin_that_is_not_a_terminal_never_prompts(cli, db_path):
    result = cli("checkin", "--mood", "7", input="")
    assert result.exit_code == 0
    assert [r["mood"] for r in rows(db_path)] == [7]


def test_note_comes_from_stdin(cli, db_path):
    note = 'Long shift; "quiet" at the end.\nSecond line, é.'
    result = cli("checkin", "--note-stdin", "--mood", "5", input=note + "\n")
    assert result.exit_code == 0
    assert rows(db_path)[0]["note"] == note


def test_recovery_nothing_is_an_empty_list(cli):
    cli("checkin", "--recovery", "nothing", "--no-input")
    [record] = json.loads(cli("log", "--format", "json").stdout)
    assert record["recovery"] == []


@pytest.mark.parametrize(
    "args,message",
    [
        (["--mood", "11"], "Mood (--mood): 11 is not a whole number from 0 (very low) to 10 (very good). Nothing was saved."),
        (["--mood", "-1"], "Mood (--mood): -1 is not a whole number from 0 (very low) to 10 (very good). Nothing was saved."),
        (["--support", "5"], "Support (--support): 5 is not a whole number from 0 (not at all) to 4 (very). Nothing was saved."),
        (["--material", "4"], "Distressing material (--material): 4 is not a whole number from 0 (none) to 3 (a lot (over 3 h)). Nothing was saved."),
        (["--sleep-hours", "25"], "Hours of sleep (--sleep-hours): 25 is not a number from 0 to 24. Nothing was saved."),
        (["--sleep-hours", "7h30"], "Hours of sleep (--sleep-hours): '7h30' is not a number, such as 6.5; give a number from 0 to 24. Nothing was saved."),
        (["--sleep-hours", "lots"], "Hours of sleep (--sleep-hours): 'lots' is not a number, such as 6.5; give a number from 0 to 24. Nothing was saved."),
        (["--shift", "nite"], "Kind of day (--shift): 'nite' is not one of rest, day, late, night, long, sick, leave, training. Nothing was saved."),
        (["--incident", "major"], "Distressing incident (--incident): 'major' is not one of none, minor, significant. Nothing was saved."),
        (["--recovery", "gaming"], "What you did for yourself (--recovery): 'gaming' is not one of exercise, outdoors, people, hobby, wind_down, rest, other, nothing. Nothing was saved."),
        (["--alcohol-units", "-2"], "Units of alcohol (--alcohol-units): -2 is not a number from 0 to 100. Nothing was saved."),
        (["--date", "2026-02-30"], "'2026-02-30' is not a date I can read. Use YYYY-MM-DD, today or yesterday."),
        (["--date", "tomorrow"], "'tomorrow' is not a date I can read. Use YYYY-MM-DD, today or yesterday."),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(cli, home, args, message):
    result = cli("checkin", *args, "--mood", "5", "--no-input") if "--mood" not in args else cli("checkin", *args, "--no-input")
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert not home.exists()


def test_future_date_is_refused(cli, home):
    future = (today().toordinal() + 1)
    import datetime as dt

    day = dt.date.fromordinal(future).isoformat()
    result = cli("checkin", "--date", day, "--no-input")
    assert result.exit_code == 2
    assert result.stderr == f"{day} is in the future. A check-in is for a duty day that has started.\n"
    assert not home.exists()


def test_unknown_option_is_a_usage_error(cli, home):
    result = cli("checkin", "--mod", "5")
    assert result.exit_code == 2
    assert "No such option: --mod" in result.stderr
    assert not home.exists()


@pytest.mark.parametrize(
    "args,code",
    [(["status"], 0), (["log"], 0), (["log", "--format", "json"], 0), (["show", "today"], 1), (["where"], 0),
     (["help-now"], 0), ([], 0), (["--version"], 0), (["delete", "today", "--yes"], 1), (["edit", "today"], 2)],
)
def test_read_only_commands_create_nothing(cli, home, args, code):
    # `edit` needs a terminal (2); `show` and `delete` find no day (1); the rest answer (0).
    assert cli(*args).exit_code == code
    assert not home.exists()


def test_log_on_a_new_home(cli):
    result = cli("log")
    assert (result.exit_code, result.stdout) == (0, "No check-ins yet. Start with: resilience checkin\n")
    assert cli("log", "--format", "json").stdout == "[]\n"


def test_log_table_and_machine_formats(cli):
    cli("checkin", "--date", days_ago(2), "--shift", "day", "--incident", "significant",
        "--material", "3", "--interactions", "2", "--sleep-hours", "7.25", "--sleep-quality", "8", "--mood", "7",
        "--energy", "6", "--switch-off", "3", "--support", "4", "--raise", "--no-input")
    cli("checkin", "--date", days_ago(1), "--shift", "rest", "--no-input")
    table = cli("log").stdout.splitlines()
    assert table[0].split() == ["Day", "Shift", "Incident", "Mat.", "Host.", "Sleep", "Mood",
                                "Energy", "Off", "Support", "Also"]
    assert table[1].split() == [days_ago(2), "day", "sig.", "3", "2", "7.25h", "q8",
                                "7", "6", "3", "4", "raise"]
    assert table[2].split() == [days_ago(1), "rest"] + ["-"] * 8
    assert all(len(line) <= 80 for line in table)

    records = json.loads(cli("log", "--format", "json").stdout)
    assert [r["date"] for r in records] == [days_ago(2), days_ago(1)]
    assert list(records[0]) == [
        "id", "date", "shift", "incident", "hurt", "material", "graphic", "interactions", "workload", "sleep_hours",
        "sleep_quality", "nightmare", "intrusions", "switch_off", "mood", "energy", "talked",
        "support", "recovery", "alcohol_units", "note", "raise_at_supervision",
        "talking_point", "supported_colleague", "good_moment", "created_at", "updated_at",
    ]
    assert (records[0]["sleep_hours"], records[0]["raise_at_supervision"], records[1]["mood"]) == (7.25, True, None)

    parsed = list(csv.DictReader(io.StringIO(cli("log", "--format", "csv").stdout)))
    assert [(r["date"], r["shift"], r["sleep_hours"], r["raise_at_supervision"], r["mood"]) for r in parsed] == [
        (days_ago(2), "day", "7.25", "true", "7"),
        (days_ago(1), "rest", "", "", ""),
    ]


def test_log_ranges(cli):
    for n in range(0, 20):
        cli("checkin", "--date", days_ago(n), "--mood", "5", "--no-input")
    assert len(json.loads(cli("log", "--format", "json").stdout)) == 14
    assert len(json.loads(cli("log", "--days", "3", "--format", "json").stdout)) == 3
    got = json.loads(cli("log", "--from", days_ago(10), "--to", days_ago(5), "--format", "json").stdout)
    assert [r["date"] for r in got] == [days_ago(n) for n in range(10, 4, -1)]


@pytest.mark.parametrize(
    "args,message",
    [
        (["--days", "0"], "--days must be a whole number of days from 1 upwards; you gave 0."),
        (["--days", "3", "--from", "2026-01-01"], "Use either --days or --from, not both."),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "--from (2026-02-01) is after --to (2026-01-01)."),
        (["--from", "01/02/2026"], "'01/02/2026' is not a date I can read. Use YYYY-MM-DD, today or yesterday."),
    ],
)
def test_log_bad_input(cli, args, message):
    result = cli("log", *args)
    assert (result.exit_code, result.stderr) == (2, message + "\n")


def test_log_narrow_terminal_lists_lines(cli, monkeypatch):
    cli("checkin", "--date", "today", "--shift", "night", "--sleep-hours", "5", "--mood", "4", "--no-input")
    monkeypatch.setenv("COLUMNS", "40")
    lines = [line.rstrip() for line in cli("log").stdout.splitlines()]
    assert lines[0] == f"{today().isoformat()}  night, incident -, material"
    assert all(len(line) <= 40 for line in lines)
    assert "sleep 5h, mood 4" in " ".join(lines)


def test_show_a_day(cli):
    cli("checkin", "--date", "yesterday", "--mood", "6", "--recovery", "nothing",
        "--note-stdin", input="kept to myself\n")
    out = cli("show", "yesterday").stdout
    assert spelled(today().fromordinal(today().toordinal() - 1)) in out
    assert "Mood                         6 of 10 (very low" not in out
    assert "│ Mood                                 6 of 10" in out
    assert "│ Did for yourself                     nothing today" in out
    assert "│ Private note                         kept to myself" in out
    assert "│ Sleep quality                        skipped" in out


def test_show_missing_day(cli):
    cli("checkin", "--mood", "6", "--no-input")
    result = cli("show", "2026-01-01")
    assert (result.exit_code, result.stderr) == (1, "There is no check-in for Thursday 1 January 2026.\n")


def test_delete_with_yes(cli, db_path):
    cli("checkin", "--mood", "6", "--no-input")
    result = cli("delete", "today", "--yes")
    assert (result.exit_code, result.stdout) == (0, f"Deleted your check-in for {spelled(today())}.\n")
    assert rows(db_path) == []


def test_delete_without_a_terminal_needs_yes(cli, db_path):
    cli("checkin", "--mood", "6", "--no-input")
    result = cli("delete", "today")
    assert (result.exit_code, result.stderr) == (2, "Add --yes to delete without being asked. Nothing was deleted.\n")
    assert len(rows(db_path)) == 1


def test_delete_missing_day(cli):
    result = cli("delete", "2026-01-01", "--yes")
    assert (result.exit_code, result.stderr) == (1, "There is no check-in for Thursday 1 January 2026; nothing was deleted.\n")


def test_edit_needs_a_terminal(cli):
    cli("checkin", "--mood", "6", "--no-input")
    result = cli("edit", "today")
    assert result.exit_code == 2
    assert result.stderr == (
        "edit asks its questions in a terminal. From a script, use resilience checkin "
        f"--date {today().isoformat()} with the answers as flags.\n"
    )


def test_status_lines(cli):
    assert cli("status").stdout == "No check-in yet today. When you have a minute: resilience checkin\n"
    cli("checkin", "--mood", "6", "--no-input")
    assert cli("status").stdout == "Checked in today.\n"
    assert cli("status", "--quiet").stdout == ""
    assert cli("status").exit_code == 0


def test_status_counts_only_today(cli):
    cli("checkin", "--date", "yesterday", "--mood", "6", "--no-input")
    result = cli("status", "-q")
    assert (result.exit_code, result.stdout) == (0, "No check-in yet today. When you have a minute: resilience checkin\n")


def test_bare_command_welcomes_a_new_home_then_shows_status(cli, home):
    first = " ".join(cli().stdout.replace("│", " ").split())
    assert "Welcome to resilience." in first
    assert "not a medical device" in first and "resilience help-now" in first
    assert not home.exists()
    cli("checkin", "--date", "yesterday", "--mood", "5", "--no-input")
    assert cli().stdout == (
        "No check-in yet today. Check in: resilience checkin\n"
        "Need help now: resilience help-now. All commands: resilience --help\n"
    )


def test_plain_output_has_no_boxes_arrows_or_bars(cli):
    for n in range(6):
        cli("checkin", "--date", (today() - __import__("datetime").timedelta(days=n)).isoformat(),
            "--sleep-hours", "5", "--mood", "6", "--no-input")
    for args in (["trends"], ["tips"], ["show", "today"], ["log"], ["help-now"]):
        out = cli("--plain", *args).stdout
        assert not set(out) & set("╭╮╰╯─│━┃↑↓→▁▂▃▄▅▆▇█"), args
    lines = cli("--plain", "trends").stdout.splitlines()
    assert "Sleep              5.0 h" in lines  # the words stay; the bars under them go
    assert lines[lines.index("Sleep              5.0 h") + 1].startswith("Sleep quality")  # no bar row


def test_shell_completion_is_offered(cli):
    out = cli("--help").stdout
    assert "--install-completion" in out and "--show-completion" in out


def test_help_now_needs_no_journal(cli, home):
    result = cli("help-now")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for needed in ("call 999", "call 116 123", "text SHOUT to 85258", "call 111 and select the mental health option (usually option 2)",
                   "If you can, tell someone you trust", "not a medical device"):
        assert needed in text
    assert not home.exists()


def test_where(cli, home):
    result = cli("where")
    assert result.stdout == (
        f"Journal:   {home}/journal.db  (not created yet)\n"
        f"Settings:  {home}/config.toml  (not created; defaults in use)\n"
        f"Folder:    {home}  (from RESILIENCE_HOME)\n"
    )
    assert json.loads(cli("where", "--format", "json").stdout)["journal"] == f"{home}/journal.db"


def test_version(cli):
    from resilience_cli import __version__

    assert cli("--version").stdout == f"resilience {__version__}\n"


def test_damaged_journal_exit_1_no_traceback_and_untouched(cli, home, db_path):
    home.mkdir()
    db_path.write_bytes(b"not a database at all" * 200)
    before = db_path.read_bytes()
    for args in (["status"], ["log"], ["checkin", "--mood", "5", "--no-input"]):
        result = cli(*args)
        # status sits in shell start-up files: it says why, and exits 0 either way (the contract).
        assert result.exit_code == (0 if args == ["status"] else 1)
        assert result.stderr == (
            f"The journal at {db_path} is damaged or is not a database, so it was left as "
            "it is. Restore a backup, or move the file aside to start a new journal.\n"
        )
        assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == before


def test_debug_shows_a_traceback(cli, home, db_path):
    home.mkdir()
    db_path.write_bytes(b"not a database at all" * 200)
    result = cli("--debug", "log")
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr


def test_newer_journal_is_refused(cli, db_path):
    cli("checkin", "--mood", "5", "--no-input")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('resilience', 'm999_x', 'x')")
    conn.commit()
    conn.close()
    result = cli("checkin", "--mood", "6", "--no-input")
    assert result.exit_code == 1
    assert "written by a newer version of resilience" in result.stderr
    assert rows(db_path)[0]["mood"] == 5


def test_broken_settings_file_names_the_line(cli, home):
    home.mkdir()
    (home / "config.toml").write_text("[questions]\nalcohol = maybe\n")
    # A typo in the settings never costs a check-in: a warning naming the line, the defaults, exit 0.
    result = cli("checkin", "--mood", "5", "--no-input")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"The settings file {home}/config.toml could not be read:")
    assert "line 2" in result.stderr and result.stderr.endswith("Until then the defaults are used.\n")
    assert result.stdout.startswith("Saved your check-in")
    # Only the command whose job is the settings fails on it.
    assert cli("config").exit_code == 2
    assert (home / "config.toml").read_text() == "[questions]\nalcohol = maybe\n"


def test_unexpected_errors_are_a_short_bug_line_without_locals(cli, monkeypatch):
    from resilience_cli.store import JournalStore

    def explode(self, day, answers, **kwargs):
        secret = "a private note"  # noqa: F841 - must never be printed
        raise RuntimeError("boom with a private note")

    monkeypatch.setattr(JournalStore, "save", explode)
    result = cli("checkin", "--mood", "5", "--no-input")
    assert result.exit_code == 1
    assert result.stderr == (
        "Something went wrong inside resilience (this is a bug). Any check-in being saved "
        "was not saved. Run again with --debug to see the details.\n"
    )
    debug = cli("--debug", "checkin", "--mood", "5", "--no-input")
    assert "RuntimeError" in debug.stderr
    assert "secret =" not in debug.stderr.replace('secret = "a private note"  # noqa', "")


@pytest.mark.parametrize("args", [["--version"], ["status"], ["status", "-q"], ["status", "--quiet"]])
def test_quick_and_full_paths_say_the_same(cli, args):
    """The quick path (`cli/quick.py`) and Typer's (forced by --debug) print the same, word for word."""
    from resilience_cli import __version__
    from resilience_cli.cli.quick import fast_path

    assert fast_path(["status", "--bogus"]) is False
    cli("checkin", "--mood", "5", "--no-input")
    quick, full = cli(*args), cli("--debug", *args)
    assert fast_path(list(args)) is not False
    expected = {"--version": f"resilience {__version__}\n", "status": "Checked in today.\n",
                "-q": "", "--quiet": ""}[args[-1]]
    assert (quick.exit_code, quick.stdout) == (0, expected)
    assert (full.exit_code, full.stdout) == (0, expected)


def test_a_night_check_in_without_a_date_in_the_small_hours_goes_to_the_duty_day(cli, db_path, monkeypatch):
    import datetime as dt

    from conftest import spelled

    from resilience_cli.cli import common

    day = today()
    monkeypatch.setattr(common, "now", lambda: dt.datetime.combine(day, dt.time(3, 15)))
    result = cli("checkin", "--shift", "night", "--mood", "6", "--no-input")
    assert result.exit_code == 0
    yesterday = day - dt.timedelta(days=1)
    assert result.stderr == (f"Before 6 am a check-in is for the shift that began the day before, so this one is "
                             f"for {spelled(yesterday)}. For today instead, add --date today.\n")
    assert [r["date"] for r in rows(db_path)] == [yesterday.isoformat()]


def test_status_counts_last_nights_shift_until_the_evening(cli, db_path, monkeypatch):
    import datetime as dt

    from resilience_cli.clock import TEST_NOW

    yesterday = days_ago(1)
    cli("checkin", "--date", yesterday, "--shift", "night", "--no-input")
    assert cli("status").stdout == "Checked in today.\n"  # at noon
    monkeypatch.setenv(TEST_NOW, dt.datetime.combine(today(), dt.time(18, 0)).isoformat())
    assert cli("status").stdout == "No check-in yet today. When you have a minute: resilience checkin\n"
    monkeypatch.setenv(TEST_NOW, dt.datetime.combine(today(), dt.time(12, 0)).isoformat())
    cli("checkin", "--date", yesterday, "--shift", "day", "--no-input")
    assert cli("status").stdout == "No check-in yet today. When you have a minute: resilience checkin\n"


def test_show_leaves_out_questions_that_were_not_asked(cli, home):
    cli("checkin", "--date", "yesterday", "--shift", "rest", "--mood", "6", "--no-input")
    out = cli("show", "yesterday").stdout
    # Turned off (the colleague and alcohol questions), and not asked on a rest day.
    for label in ("Supported a colleague", "Alcohol", "Workload manageable", "Felt supported", "Incident",
                  "Distressing material", "Graphic images", "Hostile or distressing interactions"):
        assert label not in out, label
    assert "│ Switching off                skipped" in out  # asked on a rest day too
    cli("checkin", "--date", "today", "--shift", "day", "--material", "0", "--incident", "none", "--no-input")
    out = cli("show", "today").stdout
    assert "Graphic images" not in out  # no material and no incident: not asked
    assert "│ Workload manageable                  skipped" in out
    (home / "config.toml").write_text("[questions]\ncolleague = true\n")
    assert "│ Supported a colleague                skipped" in cli("show", "today").stdout
