"""What crosses the journal's edge is checked (issue 21): a restore installs exactly
what it checked; outputs and partial files cannot be turned on the journal; odd
settings, packs and homes get a plain sentence, never "this is a bug"."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import days_ago, rows, today

BUG = "this is a bug"


@pytest.fixture
def journal(cli, db_path):
    for ago in (3, 2, 1):
        assert cli("checkin", "--date", days_ago(ago), "--mood", "6", "--no-input").exit_code == 0
    return db_path


def _backup(cli, tmp_path, name="b.db") -> Path:
    path = tmp_path / name
    assert cli("backup", str(path)).exit_code == 0
    return path


def _split(backup: Path, dest: Path, *main_sql: str, wal_sql: tuple[str, ...] = ()) -> Path:
    """A copy of `backup` in WAL mode whose main file has had `main_sql` and whose -wal,
    not yet folded in, holds `wal_sql`: a journal copied from a machine mid-write."""
    work = backup.with_name("work.db")
    shutil.copyfile(backup, work)
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for statement in main_sql:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for statement in wal_sql:
        conn.execute(statement)
    # Copied while the connection is open, before closing folds the -wal in.
    shutil.copyfile(work, dest)
    shutil.copyfile(str(work) + "-wal", str(dest) + "-wal")
    conn.close()
    return dest


def _schema(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT type, name FROM sqlite_master ORDER BY type, name").fetchall()
    finally:
        conn.close()


# -- In: restore ------------------------------------------------------------------

def test_a_trigger_that_only_the_backups_wal_drops_is_not_installed(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    split = _split(backup, tmp_path / "split.db",
                   "CREATE TRIGGER wipe AFTER INSERT ON checkins BEGIN DELETE FROM checkins WHERE id = new.id; END",
                   wal_sql=("DROP TRIGGER wipe",))
    result = cli("restore", str(split), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Restored 3 check-ins from {split}.\n")
    assert ("trigger", "wipe") not in _schema(journal)
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0
    assert len(rows(journal)) == 4  # the new check-in stayed


def test_check_ins_still_in_the_backups_wal_are_restored(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    pending = tuple(
        "INSERT INTO checkins (id, date, mood, created_at, updated_at) VALUES "
        f"('{n}b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5f', '{days_ago(ago)}', 7, '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')" for n, ago in ((1, 10), (2, 11)))
    split = _split(backup, tmp_path / "crashed.db", wal_sql=pending)
    cli("delete", days_ago(1), "--yes")
    result = cli("restore", str(split), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Restored 5 check-ins from {split}.\n")
    assert [r["date"] for r in rows(journal)] == [days_ago(n) for n in (11, 10, 3, 2, 1)]


def test_what_is_installed_is_a_private_copy_and_leaves_nothing_behind(cli, journal, tmp_path):
    backup = _backup(cli, tmp_path)
    before = sorted(p.name for p in journal.parent.iterdir())
    assert cli("restore", str(backup), "--yes").exit_code == 0
    after = sorted(p.name for p in journal.parent.iterdir())
    assert [name for name in after if name.startswith(".")] == []
    assert set(after) - set(before) <= {"journal.db-wal", "journal.db-shm", "backups"}
    assert oct(journal.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("table", ["safety_answers", "checkins", "rule_rests"])
def test_a_backup_missing_a_table_is_refused(cli, journal, tmp_path, table):
    backup = _backup(cli, tmp_path)
    conn = sqlite3.connect(backup)
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    before = rows(journal)
    result = cli("restore", str(backup), "--yes")
    assert (result.exit_code, result.stderr) == (
        1, f"The backup at {backup} has no table called {table}, which every resilience journal has, so it "
           "was not restored. Nothing was changed.\n")
    assert rows(journal) == before


UUID = "0b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5f"
STAMP = "2026-01-01T00:00:00Z"

# One bad row per table, each of a kind the checks before let through.
GARBAGE = [
    ("silenced_rules", "INSERT INTO silenced_rules VALUES ('sleep_short', 'not-a-date')",
     "in the silenced tip for sleep_short (table silenced_rules), rule: 'sleep_short' is not a tip rule such as R16"),
    ("silenced_rules", "INSERT INTO silenced_rules VALUES ('R16', 'not-a-date')",
     "in the silenced tip for R16 (table silenced_rules), until must be a date as YYYY-MM-DD; 'not-a-date' is not one"),
    ("checkins", "UPDATE checkins SET date = '2099-01-01' WHERE date = '{d}'",
     "in the check-in for 2099-01-01 (table checkins), date 2099-01-01 is in the future"),
    ("followups", "INSERT INTO followups (id, incident_date, kind, date, created_at, updated_at) VALUES "
                  f"('{UUID}', '{{d}}', 'day3', '2099-01-04', '{STAMP}', '{STAMP}')",
     "in the follow-up for 2099-01-04 (table followups), date 2099-01-04 is in the future"),
    ("reflections", "INSERT INTO reflections (id, week, date, created_at, updated_at) VALUES "
                    f"('{UUID}', '2099-01-05', '2099-01-09', '{STAMP}', '{STAMP}')",
     "in the reflection for 2099-01-05 (table reflections), week 2099-01-05 is in the future"),
    ("summaries", "INSERT INTO summaries (id, created_at, period_from, period_to) VALUES "
                  f"('{UUID}', '{STAMP}', '{{d}}', '2099-01-01')",
     "in the summary for {d} (table summaries), period_to 2099-01-01 is in the future"),
    ("pack_answers", "INSERT INTO pack_answers VALUES "
                     f"('{UUID}', 'example', '2099-01-01', '{{{{}}}}', '{STAMP}', '{STAMP}')",
     "in the pack answer for 2099-01-01 (table pack_answers), date 2099-01-01 is in the future"),
    ("safety_answers", f"INSERT INTO safety_answers VALUES ('{UUID}', '{{d}}', 'yes', 'x')",
     "in the safety answer for {d} (table safety_answers), created_at must be a time in ISO 8601"),
    ("pack_safety_answers", "INSERT INTO pack_safety_answers VALUES "
                            f"('{UUID}', 'example', 'q1', 'soon', 3, 1, '{STAMP}')",
     "in the pack safety answer for soon (table pack_safety_answers), date must be a date as YYYY-MM-DD"),
    ("rule_rests", "INSERT INTO rule_rests VALUES ('R5', '2099-01-01', 2)",
     "in the resting support box for R5 (table rule_rests), shown_on 2099-01-01 is in the future"),
    ("_sqlite_migrations", "UPDATE _sqlite_migrations SET applied_at = 'whenever' WHERE id = 2",
     "in the schema history entry for m002_periodic_records (table _sqlite_migrations), "
     "applied_at: 'whenever' is not a time in the past"),
]


@pytest.mark.parametrize("table,sql,named", GARBAGE, ids=[f"{g[0]}-{n}" for n, g in enumerate(GARBAGE)])
def test_garbage_in_any_table_is_refused_naming_table_and_row(cli, journal, tmp_path, table, sql, named):
    backup = _backup(cli, tmp_path)
    day = days_ago(2)
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute(sql.format(d=day))
    conn.commit()
    conn.close()
    before = journal.read_bytes(), rows(journal)
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 1, result.stderr
    assert result.stderr.startswith(f"The backup at {backup} was not restored: {named.format(d=day)}")
    assert result.stderr.endswith(". Nothing was changed.\n") and result.stderr.count("\n") == 1
    assert (journal.read_bytes(), rows(journal)) == before
    assert [p.name for p in journal.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("sql,named", [
    ("UPDATE checkins SET note = CAST(x'c3ff41' AS TEXT) WHERE date = '{d}'",
     "in the check-in for {d} (table checkins), note is not text resilience can read (not UTF-8)."),
    ("INSERT INTO pack_answers VALUES "
     f"('{UUID}', 'example', '{{d}}', '{'[' * 100_000}{']' * 100_000}', '{STAMP}', '{STAMP}')",
     "the pack answer for {d} (table pack_answers) cannot be read."),
])
def test_undecodable_text_gets_a_plain_refusal(cli, journal, tmp_path, sql, named):
    backup = _backup(cli, tmp_path)
    day = days_ago(2)
    conn = sqlite3.connect(backup)
    conn.execute(sql.format(d=day))
    conn.commit()
    conn.close()
    result = cli("restore", str(backup), "--yes")
    assert (result.exit_code, result.stderr) == (
        1, f"The backup at {backup} was not restored: {named.format(d=day)} Nothing was changed.\n")
    assert len(rows(journal)) == 3


def test_a_backup_made_before_later_migrations_still_restores(cli, journal, tmp_path):
    """Older backups lack the newer columns: they are skipped answers, not bad rows."""
    backup = _backup(cli, tmp_path)
    conn = sqlite3.connect(backup)
    conn.execute("ALTER TABLE checkins DROP COLUMN interactions")
    conn.execute("ALTER TABLE reflections DROP COLUMN proud")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_interactions_and_growth'")
    conn.commit()
    conn.close()
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Restored 3 check-ins from {backup}.")
    assert "interactions" in rows(journal)[0] and len(rows(journal)) == 3


def test_today_is_no_future_date(cli, journal, tmp_path):
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0
    backup = _backup(cli, tmp_path)
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert rows(journal)[-1]["date"] == today().isoformat()
