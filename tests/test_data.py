"""Export, import, backup, restore and privacy: nothing lost, nothing leaked, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import days_ago, invoke, rows, today
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NOTE = 'Line one, with "quotes", commas; and semicolons.\nLine two: café, Zoë, £5, ≥ 3 – done.'


def seed(cli, db_path):
    cli("checkin", "--date", days_ago(2), "--shift", "night", "--incident", "significant",
        "--material", "3", "--graphic", "--sleep-hours", "5.25", "--mood", "4",
        "--recovery", "exercise", "--recovery", "wind_down", "--raise", "--note-stdin", input=NOTE)
    cli("checkin", "--date", days_ago(1), "--recovery", "nothing", "--no-input")
    cli("reflect", "--connected", "2", "--worthwhile", "3", "--no-input")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO followups (id, incident_date, kind, date, intrusions, trim, skipped, created_at, updated_at) "
                 f"VALUES ('8c7e1a4e-3d5b-4f0a-9b1c-2e3f4a5b6c7d', '{days_ago(2)}', 'day3', '{days_ago(0)}', 2, 'used', 0, "
                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
    conn.execute("INSERT INTO safety_answers (id, date, answer, created_at) VALUES ('0b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5f', ?, 'yes', '2026-01-01T00:00:00Z')",
                 (days_ago(1),))
    conn.commit()
    conn.close()


def all_rows(db_path):
    return {t: rows(db_path, f"SELECT * FROM {t} ORDER BY id") for t in ("checkins", "followups", "reflections")}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_round_trip_of_every_record(cli, db_path, tmp_path, monkeypatch, fmt):
    seed(cli, db_path)
    out = tmp_path / f"export.{fmt}"
    result = cli("export", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote 4 records to {out}.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text()
    assert "safety" not in text and '"yes"' not in text
    before = all_rows(db_path)
    other = tmp_path / "other"
    monkeypatch.setenv("RESILIENCE_HOME", str(other))
    result = cli("import", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Imported check-ins: 2 new, 0 updated, 0 unchanged."
    assert all_rows(other / "journal.db") == before
    assert rows(other / "journal.db", "SELECT * FROM safety_answers") == []
    again = cli("import", str(out))
    assert again.stdout.splitlines()[0] == "Imported check-ins: 0 new, 0 updated, 2 unchanged."
    assert all_rows(other / "journal.db") == before


def test_csv_round_trip_of_checkins(cli, db_path, tmp_path, monkeypatch):
    seed(cli, db_path)
    out = tmp_path / "checkins.csv"
    cli("export", "--format", "csv", "--output", str(out))
    before = rows(db_path)
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    assert cli("import", str(out)).exit_code == 0
    assert rows(tmp_path / "other" / "journal.db") == before
    assert rows(tmp_path / "other" / "journal.db")[0]["note"] == NOTE


def test_log_json_imports_too(cli, db_path, tmp_path, monkeypatch):
    seed(cli, db_path)
    (tmp_path / "log.json").write_text(cli("log", "--format", "json").stdout)
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    assert cli("import", str(tmp_path / "log.json")).exit_code == 0
    assert len(rows(tmp_path / "other" / "journal.db")) == 2


def test_export_json_document(cli, db_path):
    seed(cli, db_path)
    document = json.loads(cli("export").stdout)
    assert document["resilience_export"] == 1
    assert "not a medical device" in document["note"]
    assert [r["type"] for r in document["records"]] == ["checkin", "checkin", "followup", "reflection"]


def _export_with(cli, db_path, tmp_path, change) -> Path:
    seed(cli, db_path)
    document = json.loads(cli("export").stdout)
    change(document["records"])
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document))
    return path


def test_a_newer_record_wins_and_an_older_one_does_not(cli, db_path, tmp_path):
    def newer(records):
        records[0]["mood"] = 9
        records[0]["updated_at"] = "2099-01-01T00:00:00Z"
        records[1]["mood"] = 1
        records[1]["updated_at"] = "2000-01-01T00:00:00Z"

    path = _export_with(cli, db_path, tmp_path, newer)
    result = cli("import", str(path))
    assert result.stdout.splitlines()[0] == "Imported check-ins: 0 new, 1 updated, 1 unchanged."
    assert [r["mood"] for r in rows(db_path)] == [9, None]


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda r: r[1].update(mood=11), "Nothing was imported. Record 2: mood: 11 is not a whole number from 0 (very low) to 10 (very good)."),
        (lambda r: r[0].update(shift="nights"), "Nothing was imported. Record 1: shift: 'nights' is not one of rest, day, late, night, long, sick, leave, training."),
        (lambda r: r[0].update(date="2026-02-30"), "Nothing was imported. Record 1: date must be a date as YYYY-MM-DD; '2026-02-30' is not one."),
        (lambda r: r[0].update(id="not-a-uuid"), "Nothing was imported. Record 1: id must be a UUID; 'not-a-uuid' is not one."),
        (lambda r: r[0].update(moood=3), "Nothing was imported. Record 1: moood is not a field resilience knows."),
        (lambda r: r[2].update(kind="day7"), "Nothing was imported. Record 3: kind must be day3 or week4; you gave 'day7'."),
        (lambda r: r[3].update(connected=9), "Nothing was imported. Record 4: connected must be a whole number from 0 (not at all) to 4 (very); you gave 9."),
        (lambda r: r[0].update(updated_at="yesterday"), "Nothing was imported. Record 1: updated_at must be a time in ISO 8601, such as 2026-11-27T08:30:00Z; 'yesterday' is not one."),
    ],
)
def test_one_bad_record_imports_nothing_and_names_it(cli, db_path, tmp_path, monkeypatch, change, message):
    path = _export_with(cli, db_path, tmp_path, change)
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    result = cli("import", str(path))
    assert (result.exit_code, result.stderr) == (2, message + "\n")
    assert not (tmp_path / "other").exists()


def test_bad_rows_in_csv_and_lines_in_jsonl_are_named(cli, db_path, tmp_path):
    seed(cli, db_path)
    csv_text = cli("log", "--format", "csv", "--days", "5").stdout.replace(",night,", ",evening,")
    (tmp_path / "bad.csv").write_text(csv_text)
    result = cli("import", str(tmp_path / "bad.csv"))
    assert (result.exit_code, result.stderr) == (
        2, "Nothing was imported. Row 2: shift: 'evening' is not one of rest, day, late, night, long, sick, leave, training.\n")
    lines = cli("export", "--format", "jsonl").stdout.splitlines()
    lines[2] = lines[2][:-5]
    (tmp_path / "bad.jsonl").write_text("\n".join(lines) + "\n")
    result = cli("import", str(tmp_path / "bad.jsonl"))
    assert (result.exit_code, result.stderr) == (2, "Nothing was imported. Line 3 is not valid JSON.\n")


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("x.json", "{not json", "The file is not valid JSON (line 1, column 2).\n"),
        ("x.csv", "a,b\n1,2\n", "The CSV is not a resilience export: it has no id, date, created_at, updated_at column.\n"),
        ("x.txt", "hello", "x.txt does not look like a resilience, Daylio or jrnl export. Name the format with --format json, jsonl, csv, daylio or jrnl.\n"),
    ],
)
def test_files_that_are_not_exports(cli, tmp_path, home, name, content, message):
    (tmp_path / name).write_text(content)
    result = cli("import", str(tmp_path / name))
    assert (result.exit_code, result.stderr) == (2, message)
    assert not home.exists()


def test_binary_and_missing_files(cli, tmp_path):
    (tmp_path / "x.json").write_bytes(b"\xff\xfe\x00\x01")
    assert cli("import", str(tmp_path / "x.json")).exit_code == 2
    missing = cli("import", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1
    assert missing.stderr == f"{tmp_path / 'nope.json'} could not be read (No such file or directory). Nothing was imported.\n"


def test_conflicts_are_reported_by_date_and_settled_only_when_asked(cli, db_path, tmp_path, monkeypatch):
    seed(cli, db_path)
    out = tmp_path / "mine.json"
    cli("export", "--output", str(out))
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    cli("checkin", "--date", days_ago(1), "--mood", "8", "--no-input")
    result = cli("import", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Nothing was imported: your journal already has different records for {days_ago(1)}. "
        "Add --prefer journal to keep yours, or --prefer file to take the file's.\n")
    other = tmp_path / "other" / "journal.db"
    assert len(rows(other)) == 1
    kept = cli("import", str(out), "--prefer", "journal")
    assert kept.stdout.splitlines()[0] == "Imported check-ins: 1 new, 0 updated, 0 unchanged, 1 kept as they were in your journal."
    assert [r["mood"] for r in rows(other)] == [4, 8]
    taken = cli("import", str(out), "--prefer", "file")
    assert taken.stdout.splitlines()[0] == "Imported check-ins: 0 new, 1 updated, 1 unchanged."
    assert [r["mood"] for r in rows(other)] == [4, None]


def test_dry_run_changes_nothing(cli, db_path, tmp_path, monkeypatch):
    seed(cli, db_path)
    out = tmp_path / "mine.json"
    cli("export", "--output", str(out))
    monkeypatch.setenv("RESILIENCE_HOME", str(tmp_path / "other"))
    result = cli("import", str(out), "--dry-run")
    assert result.stdout.splitlines()[0] == (
        "Nothing was changed (dry run). Importing would give check-ins: 2 new, 0 updated, 0 unchanged.")
    assert not (tmp_path / "other").exists()
    cli("checkin", "--date", days_ago(5), "--mood", "5", "--no-input")
    before = rows(tmp_path / "other" / "journal.db")
    cli("import", str(out), "--dry-run")
    assert rows(tmp_path / "other" / "journal.db") == before


def daylio() -> str:
    """A Daylio export of three recent days (import refuses days in the future, whatever the clock)."""
    d1, d2, d3 = days_ago(10), days_ago(9), days_ago(8)
    return f"""full_date,date,weekday,time,mood,activities,note_title,note
{d3},November 20,Friday,21:30,good,friends | sport | work,Quiet one,Back early.
{d3},November 20,Friday,08:10,bad,,,"Rough night, little sleep"
{d2},November 19,Thursday,20:00,awful,reading | relax,,
{d1},November 18,Wednesday,19:00,Sleepy,nature,,
"""


def test_daylio_import(cli, db_path, tmp_path):
    (tmp_path / "daylio_export.csv").write_text("\ufeff" + daylio())
    result = cli("import", str(tmp_path / "daylio_export.csv"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Imported check-ins: 3 new, 0 updated, 0 unchanged.",
        "  Moods with your own names were left skipped: sleepy.",
    ]
    got = [(r["date"], r["mood"], r["recovery"], r["note"], r["sleep_hours"]) for r in rows(db_path)]
    assert got == [
        (days_ago(10), None, "outdoors", None, None),
        (days_ago(9), 1, "hobby,rest", None, None),
        (days_ago(8), 5, "exercise,people", "Rough night, little sleep\n\nQuiet one\nBack early.", None),
    ]
    again = cli("import", str(tmp_path / "daylio_export.csv"))
    assert again.stdout.splitlines()[0] == "Imported check-ins: 0 new, 0 updated, 3 unchanged."


def jrnl() -> dict:
    return {"tags": {"@work": 1}, "entries": [
        {"title": "Long day.", "body": "Cell fire on B wing.\nHome late.", "date": days_ago(8), "time": "22:10",
         "tags": ["@work"], "starred": False},
        {"title": "Better.", "body": "", "date": days_ago(7), "time": "19:00", "tags": [], "starred": False},
        {"title": "Later the same day", "body": "Walked the dog.", "date": days_ago(7), "time": "21:00",
         "tags": [], "starred": True},
    ]}


def test_jrnl_import(cli, db_path, tmp_path):
    (tmp_path / "jrnl.json").write_text(json.dumps(jrnl()))
    result = cli("import", str(tmp_path / "jrnl.json"))
    assert result.stdout.splitlines() == ["Imported check-ins: 2 new, 0 updated, 0 unchanged."]
    got = rows(db_path)
    assert [(r["date"], r["note"]) for r in got] == [
        (days_ago(8), "Long day.\nCell fire on B wing.\nHome late."),
        (days_ago(7), "Better.\n\nLater the same day\nWalked the dog."),
    ]
    assert all(r[k] is None for r in got for k in ("mood", "shift", "sleep_hours", "recovery"))


def test_export_to_an_impossible_place_writes_nothing(cli, db_path, tmp_path):
    seed(cli, db_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli("export", "--output", str(blocker / "out.json"))
    assert result.exit_code == 1
    assert result.stderr == f"{blocker / 'out.json'} could not be written (Not a directory). Nothing was written.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "home"]


# Backup and restore.

def test_backup_and_restore(cli, db_path, home, tmp_path):
    seed(cli, db_path)
    result = cli("backup")
    dest = home / "backups" / f"journal-{today().isoformat()}.db"
    assert result.stdout == f"Backed up 2 check-ins to {dest}.\n"
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert cli("backup").stdout.endswith(f"journal-{today().isoformat()}-2.db.\n")
    cli("checkin", "--date", days_ago(0), "--mood", "9", "--no-input")
    assert len(rows(db_path)) == 3
    restored = cli("restore", str(dest), "--yes")
    assert restored.exit_code == 0, restored.stderr
    lines = restored.stdout.splitlines()
    assert lines[0] == f"Restored 2 check-ins from {dest}."
    kept = Path(lines[1].removeprefix("Your previous journal is kept at ").rstrip("."))
    assert len(rows(db_path)) == 2
    assert len(rows(kept)) == 3
    assert not Path(str(db_path) + "-wal").exists() or Path(str(db_path) + "-wal").stat().st_size == 0


def test_backup_to_an_existing_file_is_refused(cli, db_path, tmp_path):
    seed(cli, db_path)
    (tmp_path / "b.db").write_text("keep me")
    result = cli("backup", str(tmp_path / "b.db"))
    assert (result.exit_code, (tmp_path / "b.db").read_text()) == (1, "keep me")


def test_backup_with_no_journal(cli, home):
    result = cli("backup")
    assert (result.exit_code, result.stderr) == (1, "There is no journal to back up yet. Nothing was written.\n")
    assert not home.exists()


@pytest.mark.parametrize("kind", ["text", "other_db", "damaged", "missing"])
def test_restore_refuses_what_is_not_a_sound_journal(cli, db_path, tmp_path, kind):
    seed(cli, db_path)
    before = rows(db_path)
    bad = tmp_path / "bad.db"
    if kind == "text":
        bad.write_text("not a database" * 100)
    elif kind == "other_db":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "damaged":
        cli("backup", str(bad))
        data = bytearray(bad.read_bytes())
        data[5000:9000] = b"\xa5" * 4000
        bad.write_bytes(bytes(data))
    result = cli("restore", str(bad), "--yes")
    assert result.exit_code == 1
    assert "Nothing was changed" in result.stderr or "left as it is" in result.stderr
    assert rows(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_restore_without_a_terminal_needs_yes(cli, db_path, tmp_path):
    seed(cli, db_path)
    cli("backup", str(tmp_path / "b.db"))
    result = cli("restore", str(tmp_path / "b.db"))
    assert (result.exit_code, result.stderr) == (2, "Add --yes to restore without being asked. Nothing was changed.\n")


WRITER = """
import datetime as dt, sys
from pathlib import Path
from resilience_cli.store import JournalStore
store = JournalStore.open(Path(sys.argv[1]), create=True)
print("ready", flush=True)
for i in range(400):
    store.save(dt.date(2000, 1, 1) + dt.timedelta(days=i), {"mood": i % 11, "note": "x" * 500})
store.close()
"""


def test_backup_while_another_process_writes(cli, db_path, tmp_path):
    cli("checkin", "--mood", "5", "--no-input")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready"
    made = []
    for n in range(3):
        dest = tmp_path / f"b{n}.db"
        assert cli("backup", str(dest)).exit_code == 0
        made.append(dest)
    writer.wait(60)
    for dest in made:
        conn = sqlite3.connect(dest)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM checkins").fetchone()[0]
        conn.close()
        assert 1 <= count <= 401


IMPORTER = """
import sys
from resilience_cli.cli import run
sys.exit(run(["import", sys.argv[1]]))
"""


def test_killed_in_the_middle_of_a_large_import(cli, db_path, tmp_path):
    """Killed while its transaction is open: the journal is whole and holds nothing of the import."""
    from resilience_cli.interchange.formats import export_jsonl
    from resilience_cli.sample import generate

    cli("checkin", "--date", days_ago(1), "--mood", "5", "--no-input")
    records = generate(today() - dt.timedelta(days=2), 30000, gaps=0)
    path = tmp_path / "big.jsonl"
    path.write_text(export_jsonl(records, [], []))
    env = {**os.environ, "RESILIENCE_HOME": str(db_path.parent)}
    wal = db_path.with_name(db_path.name + "-wal")
    start_size = wal.stat().st_size if wal.exists() else 0
    proc = subprocess.Popen([sys.executable, "-c", IMPORTER, str(path)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the import is provably inside its transaction: rows written to
    # the WAL (a megabyte of them), not yet committed.
    deadline = time.monotonic() + 60
    while (wal.stat().st_size if wal.exists() else 0) < start_size + 1_000_000:
        assert proc.poll() is None, "the import ended before it could be caught mid-transaction"
        assert time.monotonic() < deadline, "the import never began writing"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 1
    conn.close()
    # And the same import, left to finish, brings in every record.
    done = subprocess.run([sys.executable, "-c", IMPORTER, str(path)], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert rows(db_path, "SELECT count(*) AS n FROM checkins") == [{"n": 30001}]


def test_privacy(cli, db_path, home):
    assert cli("privacy").stdout.splitlines()[1] == "              not created yet: no check-ins"
    seed(cli, db_path)
    out = cli("privacy").stdout
    assert "File access:  600 (only you); folder 700 (only you)" in out
    assert "Encrypted:    no" in out
    assert "Schema:       m011_pulse_reads (11 migrations)" in out
    assert "Integrity:    sound (SQLite integrity check passed)" in out
    assert "Records:      2 check-ins, 1 follow-up, 1 reflection" in out
    assert ("Safety:       1 safety answer, kept in the journal alone: never in a log,\n"
            "              an export, trends or a summary. A backup is a copy of the journal, so it holds\n"
            "              them too. To remove them all: resilience privacy --forget-safety\n") in out
    assert "resilience makes no network connections" in out


def test_privacy_counts_every_kind_of_record(cli, db_path, home, tmp_path):
    """Every table that holds something of the officer's is counted, the newer ones too."""
    seed(cli, db_path)
    assert cli("colleague", "remember", "G", "--incident-date", days_ago(1)).exit_code == 0
    assert cli("phonein", "plan", "--every", "wed 14:00").exit_code == 0
    assert cli("phonein", "after", "--takeaway-stdin", input="Good call\n---\nA walk\n").exit_code == 0
    answer = tmp_path / "answer.json"
    monday = today() - dt.timedelta(days=today().weekday() + 7)
    week = "{}-W{:02d}".format(*monday.isocalendar()[:2])
    assert cli("pulse", "respond", "--week", week, "--from-stdin", "--output", str(answer),
               input="You said: staffing. We did: two more on nights.").exit_code == 0
    assert cli("pulse", "read", str(answer)).exit_code == 0
    assert cli("summary", "--no-input", "--format", "html", "--output", str(tmp_path / "s.html")).exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO pack_answers (id, date, pack, answers, created_at, updated_at) VALUES "
                 "('5d1c3b2a-0000-4000-8000-000000000001', ?, 'mine', '{\"a\": 1}', "
                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", (days_ago(0),))
    conn.execute("INSERT INTO phonein_preps (id, date, bring, created_at, updated_at) VALUES "
                 "('5d1c3b2a-0000-4000-8000-000000000002', ?, 'Rota worries', "
                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", (days_ago(0),))
    conn.commit()
    conn.close()
    out = cli("privacy").stdout
    shown = out[out.index("Records:"):out.index("Safety:")]
    assert shown == (
        "Records:      2 check-ins, 1 follow-up, 1 reflection, 1 question pack answer,\n"
        "              1 supervision summary\n"
        "Colleagues:   1 colleague reminder (a nickname and dates only).\n"
        "              To delete one: resilience colleague forget NICKNAME\n"
        "Phone-ins:    1 takeaway and your plan, exported like your check-ins; in a\n"
        "              summary only with --include phonein. 1 note of what to bring,\n"
        "              kept in the journal alone like safety answers: never in an export\n"
        "              or a summary.\n"
        "Team pulse:   1 team report or answer you have read: its weeks and one line,\n"
        "              kept in the journal alone.\n"
    )


# Whatever the file holds: exit 0 or 2, a message, never a traceback, never half an import.

def _shapes():
    scalar = st.one_of(st.none(), st.booleans(), st.integers(-5, 30), st.floats(allow_nan=True),
                       st.text(max_size=12))
    record = st.dictionaries(
        st.sampled_from(["id", "date", "mood", "shift", "recovery", "note", "type", "kind",
                         "created_at", "updated_at", "sleep_hours", "week", "zzz"]),
        st.one_of(scalar, st.lists(scalar, max_size=3)), max_size=8)
    good = st.builds(lambda m: {"id": "3f2b8c1e-0000-4000-8000-000000000001", "date": "2026-01-05",
                                "mood": m, "created_at": "2026-01-05T00:00:00Z",
                                "updated_at": "2026-01-05T00:00:00Z"}, st.integers(-2, 12))
    typed = st.builds(lambda kind, extra: {"type": kind, **extra},
                      st.sampled_from(["checkin", "followup", "reflection", "pack_answer"]),
                      st.dictionaries(st.sampled_from(["id", "date", "week", "kind", "pack", "answers",
                                                       "connected", "intrusions", "trim", "skipped",
                                                       "incident_date", "created_at", "updated_at"]),
                                      st.one_of(scalar, st.lists(scalar, max_size=2),
                                                st.dictionaries(st.text(max_size=4), scalar, max_size=2)),
                                      max_size=8))
    return st.lists(st.one_of(record, good, typed), max_size=6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=_shapes(), fmt=st.sampled_from(["json", "jsonl", "raw"]), raw=st.text(max_size=200))
def test_random_files_never_crash_or_half_import(tmp_path_factory, monkeypatch, records, fmt, raw):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RESILIENCE_HOME", str(home))
    path = home.parent / f"{home.name}.{ 'jsonl' if fmt == 'jsonl' else 'json'}"
    if fmt == "json":
        path.write_text(json.dumps({"resilience_export": 1, "records": records}))
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records))
    else:
        path.write_text(raw)
    result = invoke("import", str(path))
    assert result.exit_code in (0, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stderr.strip()
        assert not (home / "journal.db").exists() or rows(home / "journal.db") == []


def _crafted_files():
    """Files written to break a reader: deep nesting, huge numbers and cells, repeated keys,
    lone surrogates, dates that are not days."""
    record = '{"type": "checkin", "id": "3f2b8c1e-0000-4000-8000-000000000001", "date": %s, ' \
             '"created_at": "2026-01-05T00:00:00Z", "updated_at": "2026-01-05T00:00:00Z", "mood": %s%s}'
    date = st.sampled_from(['"2026-01-05"', '"0001-01-01"', '"2025-W01-1"', '"1899-12-31"', '"9999-12-31"', "5"])
    mood = st.one_of(st.integers(-3, 12).map(str), st.integers(300, 6000).map(lambda n: "9" * n),
                     st.sampled_from(["1e999", "-0", "NaN", "Infinity", '"\\ud800"', '"٣"']))
    extra = st.sampled_from(["", ', "mood": 4', ', "note": "\\ud83d"', ', "note": "x\\u2028y"', ', "note": null'])
    nested = st.integers(1, 3000).map(lambda n: "[" * n + "]" * n)
    huge_csv = st.integers(1, 3).map(lambda n: "id,date,created_at,updated_at,note\n"
                                     "3f2b8c1e-0000-4000-8000-000000000001,2026-01-05,2026-01-05T00:00:00Z,"
                                     "2026-01-05T00:00:00Z,\"" + "x" * (70_000 * n) + "\"\n")
    repeated_csv = st.just("id,date,created_at,updated_at,mood,mood\n1,2,3,4,5,6\n")
    json_files = st.builds(lambda d, m, e: ("json", "[" + record % (d, m, e) + "]"), date, mood, extra)
    jsonl_files = st.builds(lambda d, m, e: ("jsonl", record % (d, m, e) + "\n"), date, mood, extra)
    return st.one_of(json_files, jsonl_files, nested.map(lambda t: ("json", t)),
                     huge_csv.map(lambda t: ("csv", t)), repeated_csv.map(lambda t: ("csv", t)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(crafted=_crafted_files())
def test_crafted_files_are_refused_plainly_or_imported_whole(tmp_path_factory, monkeypatch, crafted):
    fmt, text = crafted
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RESILIENCE_HOME", str(home))
    path = home.parent / f"{home.name}.{fmt}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = invoke("import", str(path))
    assert result.exit_code in (0, 2), result.stderr
    assert "this is a bug" not in result.stderr and "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stderr.strip()
        assert not (home / "journal.db").exists() or rows(home / "journal.db") == []


# Our own exports always import back: any note, from the whole of Unicode.

NOTE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300).map(str.strip).filter(bool)
LONG_LINE = st.integers(1000, 60_000).map(lambda n: "x" * (n // 2) + "\r" + "y" * (n // 2))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=st.lists(st.one_of(NOTE_TEXT, LONG_LINE.filter(lambda s: len(s) <= 50_000)), min_size=1, max_size=4),
       fmt=st.sampled_from(["json", "jsonl", "csv"]))
def test_export_then_import_gives_back_every_note(tmp_path_factory, monkeypatch, notes, fmt):
    import datetime as dt

    from resilience_cli.model import CheckIn
    from resilience_cli.store import JournalStore

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RESILIENCE_HOME", str(home))
    records = [CheckIn(id=f"3f2b8c1e-0000-4000-8000-{n:012d}", date=(dt.date(2026, 1, 1) + dt.timedelta(days=n)).isoformat(),
                       note=note, talking_point=note[:200].strip() or None, raise_at_supervision=True, mood=5,
                       created_at="2026-01-05T00:00:00Z", updated_at="2026-01-05T00:00:00Z")
               for n, note in enumerate(notes)]
    home.mkdir(exist_ok=True)
    with JournalStore.open(home / "journal.db", create=True) as store:
        store.insert_many(records)
    exported = home.parent / f"{home.name}-export.{fmt}"
    assert invoke("export", "--format", fmt, "--output", str(exported)).exit_code == 0
    other = home.parent / f"{home.name}-other"
    monkeypatch.setenv("RESILIENCE_HOME", str(other))
    result = invoke("import", str(exported))
    assert result.exit_code == 0, result.stderr
    back = rows(other / "journal.db")
    assert [(r["note"], r["talking_point"]) for r in back] == [(r.note, r.talking_point) for r in records]


# A type that is a list was a crash: Hypothesis found the table of record types asked for an unhashable key.
@pytest.mark.parametrize(("name", "text", "where", "given"), [
    ("odd.jsonl", '{"type": "diary"}\n', "Line 1", "'diary'"),
    ("odd.json", '[{"type": []}]', "Record 1", "[]"),
])
def test_an_unknown_record_type_is_named_with_every_type_a_file_may_hold(cli, tmp_path, db_path, name, text,
                                                                          where, given):
    odd = tmp_path / name
    odd.write_text(text)
    result = cli("import", str(odd))
    assert (result.exit_code, result.stderr) == (2, (
        f"Nothing was imported. {where}: type must be checkin, followup, reflection, pack_answer, summary, "
        f"phonein, phonein_plan or colleague_check, not {given}.\n"))
    assert not db_path.exists()
