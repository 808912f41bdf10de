"""Nothing lost by a slip: outputs that never clobber, restores that check everything,
and bad input that gets a plain sentence, never "this is a bug"."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import days_ago, rows

from resilience_cli.cli import common

BUG = "this is a bug"


def strict(text: str):
    """A JSON parser that refuses NaN and Infinity, as strict parsers do."""
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def journal(cli, db_path):
    for ago in (3, 2, 1):
        assert cli("checkin", "--date", days_ago(ago), "--mood", "6", "--sleep-hours", "7", "--no-input").exit_code == 0
    return db_path


def count(db_path: Path) -> int:
    return len(rows(db_path))


# --output never clobbers.

@pytest.mark.parametrize("name", ["journal.db", "journal.db-wal", "journal.db-shm", "config.toml", "sub/x.md"])
def test_an_output_inside_the_journal_folder_is_refused(cli, journal, home, monkeypatch, name):
    monkeypatch.chdir(home)
    before = journal.read_bytes()
    for args in (["summary", "--no-input", "-o", name], ["export", "-o", name]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr == (
            f"{name} is in the folder that holds your journal and settings ({home}), where it could "
            "overwrite them. Choose a path outside it. Nothing was written.\n")
    assert journal.read_bytes() == before and count(journal) == 3


def test_a_link_to_the_journal_is_refused_too(cli, journal, tmp_path):
    link = tmp_path / "innocent.md"
    link.symlink_to(journal)
    result = cli("summary", "--no-input", "--force", "-o", str(link))
    assert result.exit_code == 2 and count(journal) == 3


def test_an_existing_file_needs_force_or_a_yes(cli, journal, tmp_path, monkeypatch):
    existing = tmp_path / "existing.txt"
    existing.write_text("mine")
    refused = cli("export", "-o", str(existing))
    assert (refused.exit_code, refused.stderr) == (
        2, f"{existing} already exists. Add --force to replace it, or choose another name. Nothing was written.\n")
    assert existing.read_text() == "mine"
    assert cli("summary", "--no-input", "-o", str(existing)).exit_code == 2
    assert existing.read_text() == "mine"
    forced = cli("export", "--force", "-o", str(existing))
    assert forced.exit_code == 0 and json.loads(existing.read_text())["resilience_export"] == 1


def test_replacing_asks_on_a_terminal(cli, terminal, journal, tmp_path, monkeypatch):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    existing = tmp_path / "existing.csv"
    existing.write_text("mine")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("n")
        declined = cli("export", "--format", "csv", "-o", str(existing))
    assert declined.exit_code == 130 and existing.read_text() == "mine"
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("y")
        agreed = cli("export", "--format", "csv", "-o", str(existing))
    assert agreed.exit_code == 0 and existing.read_text().startswith("id,date,")


def test_dash_is_standard_output(cli, journal):
    result = cli("export", "-o", "-")
    assert result.exit_code == 0 and strict(result.stdout)["resilience_export"] == 1
    summary = cli("summary", "--no-input", "--format", "txt", "-o", "-")
    assert summary.stdout.startswith("MY WELLBEING SUMMARY FOR SUPERVISION")
    assert cli("summary", "--list").stdout.startswith("No summaries yet")  # standard output is not remembered


def test_a_planted_partial_file_is_never_used(cli, journal, tmp_path):
    target = tmp_path / "s.md"
    planted = tmp_path / ".s.md.partial"
    outside = tmp_path / "theirs.txt"
    outside.write_text("theirs")
    planted.symlink_to(outside)
    assert cli("summary", "--no-input", "-o", str(target)).exit_code == 0
    assert outside.read_text() == "theirs"  # not written through the planted link
    assert target.read_text().startswith("# My wellbeing summary")
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == [".s.md.partial"]


# restore checks everything before the swap.

def _backup(cli, tmp_path, name="b.db") -> Path:
    path = tmp_path / name
    assert cli("backup", str(path)).exit_code == 0
    return path


def _crafted(path: Path, *sql: str, checks: bool = True) -> None:
    conn = sqlite3.connect(path)
    if not checks:
        conn.execute("PRAGMA ignore_check_constraints = 1")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_backup_with_a_trigger_is_refused(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    _crafted(backup, "CREATE TRIGGER wipe AFTER INSERT ON checkins BEGIN DELETE FROM checkins; END")
    result = cli("restore", str(backup), "--yes")
    assert (result.exit_code, result.stderr) == (
        1, f"The backup at {backup} holds a trigger called wipe that resilience never makes, so it was not "
           "restored. Nothing was changed.\n")
    cli("checkin", "--mood", "5", "--no-input")
    assert count(journal) == 4  # later check-ins are kept


def test_a_backup_with_a_view_in_place_of_a_table_is_refused(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    _crafted(backup, "ALTER TABLE checkins RENAME TO real_checkins", "CREATE VIEW checkins AS SELECT * FROM real_checkins")
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 1 and "that resilience never makes, so it was not restored" in result.stderr
    assert count(journal) == 3


@pytest.mark.parametrize("sql,named", [
    ("UPDATE checkins SET mood = 99 WHERE date = '{d}'", "in the check-in for {d} (table checkins), mood: 99 is not a whole number from 0"),
    ("UPDATE checkins SET shift = 'pirate' WHERE date = '{d}'", "in the check-in for {d} (table checkins), shift: 'pirate' is not one of"),
    ("UPDATE checkins SET recovery = '[not, a list' WHERE date = '{d}'", "in the check-in for {d} (table checkins), recovery: '[not' is not one of"),
])
def test_a_backup_with_values_out_of_range_is_refused_naming_the_record(cli, journal, tmp_path, sql, named):
    backup = _backup(cli, tmp_path)
    day = days_ago(2)
    _crafted(backup, sql.format(d=day), checks=False)
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(f"The backup at {backup} was not restored: {named.format(d=day)}")
    assert result.stderr.endswith("Nothing was changed.\n")
    assert count(journal) == 3 and BUG not in result.stderr


def test_a_sound_backup_still_restores(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    cli("delete", days_ago(1), "--yes")
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Restored 3 check-ins from {backup}.")
    assert count(journal) == 3


def test_restoring_something_else_says_backup_not_journal(cli, journal, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all")
    result = cli("restore", str(junk), "--yes")
    assert (result.exit_code, result.stderr) == (
        1, f"{junk} is not a resilience backup: choose a file made by resilience backup. Nothing was changed.\n")


# Hangs that should not happen.

def test_a_fifo_at_the_journal_path_is_refused_not_waited_on(home):
    home.mkdir()
    os.mkfifo(home / "journal.db")
    env = {**os.environ, "RESILIENCE_HOME": str(home)}
    script = str(Path(sys.executable).parent / "resilience")
    status = subprocess.run([script, "status"], env=env, capture_output=True, text=True, timeout=20)
    assert status.returncode == 0
    assert "is not a regular file" in status.stderr
    log = subprocess.run([script, "log"], env=env, capture_output=True, text=True, timeout=20)
    assert log.returncode == 1 and log.stderr.startswith(f"The journal path {home / 'journal.db'} is not a regular file")


# Bad input that once reached "this is a bug".

def test_a_note_that_is_not_utf8(cli, home):
    result = cli("checkin", "--no-input", "--note-stdin", input="caf\xe9".encode("cp1252"))
    assert result.exit_code == 2
    assert result.stderr.startswith("The note on standard input is not UTF-8 text. Convert it first")
    assert not home.exists()


def test_a_note_past_the_limit_is_refused_not_cut(cli, home):
    result = cli("checkin", "--no-input", "--note-stdin", input="y\n" * 200_001)
    assert (result.exit_code, result.stderr) == (
        2, "The note on standard input is longer than 50,000 characters, the most a note can hold. "
           "Nothing was saved.\n")
    assert not home.exists()
    long_entry = "word " * 9_999  # a long journal entry fits
    assert cli("checkin", "--no-input", "--note-stdin", input=long_entry).exit_code == 0


@pytest.mark.parametrize("args", [
    ["checkin", "--date", "0001-01-01", "--no-input"], ["trends", "--to", "0001-01-01"],
    ["summary", "--from", "0001-01-01", "--no-input"], ["log", "--from", "1899-12-31"],
])
def test_days_before_1900_are_refused(cli, journal, args):
    result = cli(*args)
    assert result.exit_code == 2, result.stderr
    assert "is before 1900; give a date from 1900 on." in result.stderr
    assert count(journal) == 3


@pytest.mark.parametrize("value", ["٣", "１", "3.0e0"])
def test_numbers_in_flags_are_ascii_digits(cli, home, value):
    result = cli("checkin", "--mood", value, "--no-input")
    assert result.exit_code == 2 and "is not a whole number, such as 5" in result.stderr


def test_minus_zero_hours_is_zero(cli, db_path):
    cli("checkin", "--sleep-hours", "-0", "--no-input")
    assert "-0" not in cli("show", "today").stdout and rows(db_path)[0]["sleep_hours"] == 0


def _import(cli, tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return cli("import", str(path))


RECORD = {"type": "checkin", "id": "8f14e45f-ceea-467a-9af4-0b4c1e8b7a11", "date": "2026-01-05",
          "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:00:00Z", "mood": 5}


@pytest.mark.parametrize("name,content,message", [
    ("deep.json", "[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ("big.json", json.dumps([{**RECORD}]).replace('"mood": 5', '"mood": ' + "9" * 5000), "number too long"),
    ("big400.json", json.dumps([{**RECORD}]).replace('"mood": 5', '"mood": ' + "9" * 400), "mood: "),
    ("twice.json", json.dumps([RECORD]).replace('"mood": 5', '"mood": 5, "mood": 6'), "names the field 'mood' twice"),
    ("twice.jsonl", json.dumps(RECORD).replace('"mood": 5', '"mood": 5, "mood": 6') + "\n", "names the field 'mood' twice"),
    ("week.json", json.dumps([{**RECORD, "date": "2025-W01-1"}]), "date must be a date as YYYY-MM-DD"),
    ("old.json", json.dumps([{**RECORD, "date": "0001-01-01"}]), "date 0001-01-01 is before 1900"),
    ("surrogate.json", json.dumps([{**RECORD, "note": "\ud800"}]), "note: it holds characters that are not valid text"),
    ("twice.csv", "id,date,created_at,updated_at,mood,mood\n", "has the column mood twice"),
])
def test_imports_fail_plainly(cli, tmp_path, home, name, content, message):
    result = _import(cli, tmp_path, name, content)
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr and BUG not in result.stderr
    assert not (home / "journal.db").exists() or rows(home / "journal.db") == []


def test_repeated_follow_up_ids_are_refused(cli, tmp_path):
    followup = {"type": "followup", "id": "1f14e45f-ceea-467a-9af4-0b4c1e8b7a11", "incident_date": "2026-01-01",
                "kind": "day3", "date": "2026-01-04", "created_at": "2026-01-04T09:00:00Z",
                "updated_at": "2026-01-04T09:00:00Z"}
    twice = [followup, {**followup, "kind": "week4", "date": "2026-01-29"}]
    result = _import(cli, tmp_path, "f.json", json.dumps(twice))
    assert (result.exit_code, result.stderr) == (
        2, "Nothing was imported. The file holds the follow-up 1f14e45f-ceea-467a-9af4-0b4c1e8b7a11 twice.\n")


def test_dev_zero_is_refused_not_read_for_ever(cli):
    result = cli("import", "/dev/zero", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith("/dev/zero is larger than 256 MB, far more than a century of check-ins")


# Output that is safe to open, and our own exports that always import back.

# Notes as the journal stores them (a note is trimmed when saved, so none
# starts or ends with white space).
NOTES = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
         "a\ttab inside", "'quoted already", "''two", "line\u2028separator\u2029and\u0085next",
         "lone\rcarriage", "cr\r\nand lf", "emoji 🙂 and ünïcode", "a,b \"quoted\" c"]


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(cli, db_path):
    for n, note in enumerate(NOTES[:4], start=1):
        cli("checkin", "--date", days_ago(n), "--note-stdin", input=note)
    out = cli("export", "--format", "csv").stdout
    cells = [row["note"] for row in csv.DictReader(io.StringIO(out, newline=""))]
    assert sorted(cells) == sorted("'" + note for note in NOTES[:4])
    logged = cli("log", "--days", "7", "--format", "csv").stdout
    assert all(r["note"].startswith("'") for r in csv.DictReader(io.StringIO(logged, newline="")) if r["note"])


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_every_note_comes_back_exactly(cli, db_path, tmp_path, monkeypatch, fmt):
    for n in range(1, len(NOTES) + 1):
        assert cli("checkin", "--date", days_ago(n), "--mood", "5", "--no-input").exit_code == 0
    conn = sqlite3.connect(db_path)
    for n, note in enumerate(NOTES, start=1):
        conn.execute("UPDATE checkins SET note = ? WHERE date = ?", (note, days_ago(n)))
    conn.commit()
    conn.close()
    exported = tmp_path / f"e.{fmt}"
    assert cli("export", "--format", fmt, "-o", str(exported)).exit_code == 0
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    result = cli("import", str(exported))
    assert result.exit_code == 0, result.stderr
    back = {r["date"]: r["note"] for r in rows(tmp_path / "other" / "journal.db")}
    assert back == {days_ago(n): note for n, note in enumerate(NOTES, start=1)}


def test_every_json_output_is_strict_json(cli, journal):
    cli("checkin", "--alcohol-units", "100", "--no-input")
    for args in (["log", "--format", "json"], ["trends", "--format", "json"], ["tips", "--format", "json"],
                 ["export"], ["where", "--format", "json"], ["config", "--format", "json"]):
        result = cli(*args)
        assert result.exit_code == 0, args
        strict(result.stdout)
    huge = cli("checkin", "--alcohol-units", "1.7e308", "--no-input")
    assert huge.exit_code == 2


def test_machine_output_is_utf8_whatever_the_terminal(home, tmp_path):
    env = {**os.environ, "RESILIENCE_HOME": str(home), "PYTHONIOENCODING": "cp1252"}
    script = str(Path(sys.executable).parent / "resilience")
    subprocess.run([script, "checkin", "--date", "today", "--note-stdin"], input="emoji 🙂 and 日本".encode(), env=env, check=True,
                   capture_output=True)
    exported = subprocess.run([script, "export"], env=env, capture_output=True, check=True)
    assert "emoji 🙂 and 日本" in json.loads(exported.stdout.decode("utf-8"))["records"][0]["note"]
    shown = subprocess.run([script, "show", "today"], env=env, capture_output=True)
    assert shown.returncode == 0 and b"emoji" in shown.stdout


def test_a_record_moved_onto_a_day_that_holds_another_is_a_conflict(cli, tmp_path):
    assert cli("checkin", "--date", "2026-01-05", "--mood", "3", "--no-input").exit_code == 0
    first = {**RECORD, "date": "2026-01-04"}
    assert _import(cli, tmp_path, "a.json", json.dumps([first])).exit_code == 0
    moved = {**RECORD, "updated_at": "2026-01-06T09:00:00Z"}  # the same id, now on the 5th
    result = _import(cli, tmp_path, "b.json", json.dumps([moved]))
    assert (result.exit_code, result.stderr) == (
        2, "Nothing was imported: your journal already has different records for 2026-01-05. Add --prefer "
           "journal to keep yours, or --prefer file to take the file's.\n")


def test_smaller_things(cli, journal, tmp_path, home):
    pack = tmp_path / "p.toml"
    pack.write_text('name = "x"\ntitle = 5\ncadence = "weekly"\nattribution = "a"\n[[questions]]\nid = "a"\ntext = "b"\n')
    result = cli("pack", "add", str(pack))
    assert (result.exit_code, result.stderr) == (
        2, 'In p.toml, title must be text in quotes, such as title = "..."; it is 5.\n')
    assert "Records:      3 check-ins, 0 follow-ups, 0 reflections" in cli("privacy").stdout
    cli("tips", "--silence", "R16")
    listed = cli("config").stdout
    until = (common.today() + __import__("datetime").timedelta(days=13)).isoformat()
    assert "rules.silenced_for_now" in listed and f"R16 until {until}  (journal (resilience tips --silence))" in listed


# Partial formats replace only what they carry.

JRNL = {"tags": {}, "entries": [{"date": "2026-01-05", "time": "09:00", "title": "From jrnl", "body": "a day",
                                 "tags": [], "starred": False}]}


def test_prefer_file_from_jrnl_keeps_the_answers_jrnl_cannot_hold(cli, tmp_path, db_path):
    cli("checkin", "--date", "2026-01-05", "--mood", "4", "--sleep-hours", "6", "--note-stdin", input="mine")
    dry = _import_args(cli, tmp_path, "j.json", json.dumps(JRNL), "--prefer", "file", "--dry-run")
    assert dry.stdout == ("Nothing was changed (dry run). Importing would give check-ins: 0 new, 1 updated, "
                          "0 unchanged.\n  2026-01-05: note replaced\n")
    assert rows(db_path)[0]["note"] == "mine"
    done = _import_args(cli, tmp_path, "j.json", json.dumps(JRNL), "--prefer", "file")
    assert done.exit_code == 0
    [row] = rows(db_path)
    assert (row["mood"], row["sleep_hours"], row["note"]) == (4, 6.0, "From jrnl\na day")
    again = _import_args(cli, tmp_path, "j.json", json.dumps(JRNL), "--prefer", "file")
    assert again.stdout == "Imported check-ins: 0 new, 0 updated, 1 unchanged.\n"


def test_prefer_file_from_daylio_lists_each_change(cli, tmp_path, db_path):
    cli("checkin", "--date", "2026-01-05", "--mood", "4", "--workload", "3", "--no-input")
    daylio = "full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-05,5 Jan,Monday,20:00,good,walk,,\n"
    result = _import_args(cli, tmp_path, "d.csv", daylio, "--format", "daylio", "--prefer", "file")
    assert result.exit_code == 0, result.stderr
    assert "  2026-01-05: mood 4 -> 7; recovery skipped -> exercise\n" in result.stdout
    [row] = rows(db_path)
    assert (row["mood"], row["workload"], row["recovery"]) == (7, 3, "exercise")


def test_daylio_rows_with_extra_cells_and_the_old_layout(cli, tmp_path):
    extra = "full_date,date,weekday,time,mood,activities,note_title,note\n2026-01-05,5 Jan,Monday,20:00,good,walk,,,x,y\n"
    result = _import_args(cli, tmp_path, "d.csv", extra, "--format", "daylio")
    assert (result.exit_code, result.stderr) == (
        2, "Nothing was imported. Row 2 does not have one cell per column of the Daylio header.\n")
    old = "year,date,weekday,time,mood,activities,note\n2018,5 January,Friday,20:00,good,walk,\n"
    result = _import_args(cli, tmp_path, "d2.csv", old, "--format", "daylio")
    assert result.exit_code == 2 and result.stderr.startswith("This is an older Daylio export")


def test_a_long_jrnl_entry_fits_and_one_past_the_limit_is_named(cli, tmp_path):
    long = {**JRNL, "entries": [{**JRNL["entries"][0], "body": "x" * 22_799}]}
    assert _import_args(cli, tmp_path, "long.json", json.dumps(long), "--format", "jrnl").exit_code == 0
    too = {**JRNL, "entries": [{**JRNL["entries"][0], "date": "2026-01-06", "body": "x" * 50_001}]}
    result = _import_args(cli, tmp_path, "too.json", json.dumps(too), "--format", "jrnl")
    assert result.exit_code == 2
    assert result.stderr.startswith("Nothing was imported. Entry 1: note: it is 50,0")
    assert "the most is 50,000" in result.stderr


def _import_args(cli, tmp_path, name, content, *args):
    path = tmp_path / name
    path.write_text(content)
    return cli("import", str(path), *args)


# Other people cannot reach in.

def test_a_home_others_can_write_to_is_refused(cli, home):
    home.mkdir()
    home.chmod(0o777)
    (home / "config.toml").write_text('[[contacts.own]]\nname = "Fake crisis line"\nhow = "call 0900 000 000"\n')
    result = cli("checkin", "--mood", "5", "--no-input")
    assert (result.exit_code, result.stderr) == (
        2, f"The folder {home} can be written by other people, so resilience will not keep your journal or "
           f"settings there. Make it yours alone with: chmod 700 {home}\n")
    assert not (home / "journal.db").exists()
    help_now = cli("help-now")
    assert help_now.exit_code == 0 and "Fake crisis line" not in help_now.stdout
    assert "Samaritans" in help_now.stdout
    home.chmod(0o700)
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0


def test_backup_without_safety_answers(cli, db_path, tmp_path):
    cli("checkin", "--mood", "5", "--no-input")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO safety_answers (id, date, answer, created_at) VALUES ('0b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5f', '2026-01-05', 'yes', '2026-01-05T00:00:00Z')")
    conn.commit()
    conn.close()
    copy = tmp_path / "b.db"
    result = cli("backup", "--without-safety", str(copy))
    assert result.stdout.endswith("Safety answers were left out of it.\n")
    assert rows(copy, "SELECT * FROM safety_answers") == [] and len(rows(copy)) == 1
    assert b"2026-01-05" not in copy.read_bytes()  # not even in a free page
    assert len(rows(db_path, "SELECT * FROM safety_answers")) == 1  # the journal keeps its own
    full = tmp_path / "full.db"
    cli("backup", str(full))
    assert len(rows(full, "SELECT * FROM safety_answers")) == 1


def test_a_journal_in_a_folder_that_cannot_be_written_is_still_read(cli, journal, home, monkeypatch, tmp_path):
    """Root ignores permissions, so the folder's state is what os.access reports."""
    import resilience_cli.store.journal as store_module

    for side in ("journal.db-wal", "journal.db-shm"):
        (home / side).unlink(missing_ok=True)
    real = os.access
    monkeypatch.setattr(store_module.os, "access", lambda p, mode: False if Path(p) in (home, journal) else real(p, mode))
    for args in (["log", "--format", "json"], ["export"], ["status"], ["show", days_ago(1)]):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    assert len(strict(cli("export").stdout)["records"]) == 3
    assert not (home / "journal.db-wal").exists() and not (home / "journal.db-shm").exists()
    backup = tmp_path / "copy.db"
    assert cli("backup", str(backup)).exit_code == 0 and len(rows(backup)) == 3
    from resilience_cli.store import JournalStore

    with JournalStore.open(journal, create=False) as reading:
        assert reading.read_only
        with pytest.raises(sqlite3.OperationalError):
            reading.conn.execute("DELETE FROM checkins")


def test_a_failure_after_the_save_never_says_not_saved(cli, db_path, monkeypatch):
    from resilience_cli.render import confirmation as render_confirmation

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in showing")

    monkeypatch.setattr(render_confirmation, "confirmation", broken)
    result = cli("checkin", "--mood", "6", "--no-input")
    assert result.exit_code == 1
    assert result.stderr.startswith("Your check-in for ")
    assert "was saved, but something went wrong showing what comes next (this is a bug)" in result.stderr
    assert "not saved" not in result.stderr
    assert rows(db_path)[0]["mood"] == 6
