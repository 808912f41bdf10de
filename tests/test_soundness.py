"""When the whole journal is checked for damage: where it matters, not on every one-row write.

The checks are read from SQLite's own trace of the journal's real connections
(every statement they run), so nothing about the database is pretended.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import subprocess
import sys

import pytest
from conftest import rows, today

import resilience_cli.store.journal as store_module
from resilience_cli.clock import TEST_NOW
from resilience_cli.errors import DamagedJournal
from resilience_cli.store import JournalStore


@pytest.fixture
def full_checks(monkeypatch):
    """Every whole-file `PRAGMA quick_check` run on a connection the store opens, from
    SQLite's trace (a schema update's own checks of one table, `quick_check='checkins'`,
    are not counted)."""
    seen: list[str] = []
    real = store_module._connect

    def traced(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.set_trace_callback(lambda sql: seen.append(sql) if sql == "PRAGMA quick_check" else None)
        return conn

    monkeypatch.setattr(store_module, "_connect", traced)
    return seen


def stamp(db_path):
    return db_path.with_name(".journal.db.checked")


def checked_once(cli, full_checks, *args):
    """Run a command; return how many full checks it made."""
    before = len(full_checks)
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return len(full_checks) - before


def test_a_one_row_write_on_a_cleanly_closed_journal_does_not_check_the_whole_file(cli, db_path, full_checks):
    # A new journal is checked before its first write.
    assert checked_once(cli, full_checks, "checkin", "--mood", "5", "--no-input") == 1
    # Closed cleanly, then written again and again: no full check.
    assert checked_once(cli, full_checks, "checkin", "--energy", "6", "--no-input") == 0
    assert checked_once(cli, full_checks, "checkin", "--date", "yesterday", "--mood", "4", "--no-input") == 0
    assert checked_once(cli, full_checks, "delete", "yesterday", "--yes") == 0
    assert [(r["mood"], r["energy"]) for r in rows(db_path)] == [(5, 6)]
    # Reads never check, and never stamp.
    assert checked_once(cli, full_checks, "status") == 0
    assert checked_once(cli, full_checks, "log") == 0
    # The stamp is the user's alone, and holds sizes, times and a date: nothing from the journal.
    assert stat.S_IMODE(stamp(db_path).stat().st_mode) == 0o600
    words = stamp(db_path).read_text().split()
    assert words[0] == str(db_path.stat().st_ino)
    assert words[4:] == [today().isoformat(), "sound"]


def test_a_journal_not_closed_cleanly_is_checked_before_a_write(cli, db_path, full_checks):
    cli("checkin", "--mood", "5", "--no-input")
    # A command ended part-way (a kill -9): its write-ahead log is left beside the journal.
    subprocess.run([sys.executable, "-c",
                    "import os, sqlite3, sys\n"
                    "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                    "conn.execute(\"UPDATE checkins SET energy = 3\")\n"
                    "os._exit(0)\n", str(db_path)], check=True)
    assert db_path.with_name("journal.db-wal").stat().st_size > 0
    assert checked_once(cli, full_checks, "checkin", "--sleep-hours", "7", "--no-input") == 1
    assert [(r["mood"], r["energy"], r["sleep_hours"]) for r in rows(db_path)] == [(5, 3, 7.0)]
    # Closed cleanly again: the next write does not check.
    assert not db_path.with_name("journal.db-wal").exists()
    assert checked_once(cli, full_checks, "checkin", "--mood", "6", "--no-input") == 0


def test_a_journal_changed_by_another_program_is_checked_even_with_its_old_times(cli, db_path, full_checks):
    cli("checkin", "--mood", "5", "--no-input")
    # Written back byte for byte and its modification time set back, as `cp -p` or a
    # sync tool would: the change time still moves, and no program can set that back.
    before = db_path.stat()
    db_path.write_bytes(db_path.read_bytes())
    os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert db_path.stat().st_mtime_ns == before.st_mtime_ns
    assert checked_once(cli, full_checks, "checkin", "--energy", "6", "--no-input") == 1
    assert checked_once(cli, full_checks, "checkin", "--energy", "7", "--no-input") == 0


def test_the_whole_file_is_checked_once_a_week(cli, monkeypatch, full_checks):
    cli("checkin", "--mood", "5", "--no-input")
    noon = dt.datetime.fromisoformat(os.environ[TEST_NOW])
    for days, checks in ((6, 0), (7, 1), (8, 0), (13, 0), (14, 1)):
        monkeypatch.setenv(TEST_NOW, (noon + dt.timedelta(days=days)).isoformat())
        assert checked_once(cli, full_checks, "checkin", "--mood", "5", "--no-input") == checks, days
    # A clock set back before the last check: checked again.
    monkeypatch.setenv(TEST_NOW, noon.isoformat())
    assert checked_once(cli, full_checks, "checkin", "--mood", "5", "--no-input") == 1


def test_backup_import_and_privacy_check_the_whole_file_whatever_the_stamp(cli, db_path, tmp_path, full_checks):
    cli("checkin", "--mood", "5", "--no-input")
    assert checked_once(cli, full_checks, "backup", str(tmp_path / "copy.db")) == 1
    export = tmp_path / "all.jsonl"
    cli("export", "--format", "jsonl", "--output", str(export))
    assert checked_once(cli, full_checks, "import", str(export)) == 1
    assert checked_once(cli, full_checks, "privacy") == 1
    # The restored file is another file: checked as it is opened for writing.
    assert checked_once(cli, full_checks, "restore", str(tmp_path / "copy.db"), "--yes") == 1
    assert checked_once(cli, full_checks, "checkin", "--mood", "6", "--no-input") == 0


def test_a_damaged_journal_is_refused_by_backup_and_left_as_it_is(cli, db_path, tmp_path):
    for n in range(300):
        cli("checkin", "--date", (today() - dt.timedelta(days=n)).isoformat(), "--mood", "5", "--no-input")
    data = bytearray(db_path.read_bytes())
    data[4096:4096 * 3] = b"\xa5" * (4096 * 2)
    db_path.write_bytes(bytes(data))
    result = cli("backup", str(tmp_path / "copy.db"))
    assert (result.exit_code, result.stderr) == (1, (
        f"The journal at {db_path} is damaged or is not a database, so it was left as it is. "
        "Restore a backup, or move the file aside to start a new journal.\n"))
    assert db_path.read_bytes() == bytes(data)
    assert not (tmp_path / "copy.db").exists()


def test_forgetting_safety_answers_refuses_a_damaged_journal_and_leaves_it_as_it_is(cli, db_path):
    for n in range(300):
        cli("checkin", "--date", (today() - dt.timedelta(days=n)).isoformat(), "--mood", "5", "--no-input")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO safety_answers VALUES ('0b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5f', ?, 'no', "
                 "'2026-01-01T00:00:00Z')", (today().isoformat(),))
    conn.commit()
    conn.close()
    # Damage only the check-ins' date index, as a failing disk might: the file still
    # opens and reads, and only the whole-file check finds it.
    conn = sqlite3.connect(db_path)
    [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_checkins_2'")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size + 5  # the b-tree page's "cell content starts at"
    data[start:start + 2] = b"\xff\xff"
    db_path.write_bytes(bytes(data))
    result = cli("privacy", "--forget-safety", "--yes")
    assert (result.exit_code, result.stderr) == (1, (
        f"The journal at {db_path} is damaged or is not a database, so it was left as it is. "
        "Restore a backup, or move the file aside to start a new journal.\n"))
    assert db_path.read_bytes() == bytes(data)


def test_a_damaged_journal_is_never_stamped_sound(db_path):
    with JournalStore.open(db_path, create=True) as store:
        for n in range(300):
            store.save(dt.date(2026, 1, 1) - dt.timedelta(days=n), {"mood": 5, "note": "x" * 200})
    data = bytearray(db_path.read_bytes())
    data[4096:4096 * 3] = b"\xa5" * (4096 * 2)
    db_path.write_bytes(bytes(data))
    first = stamp(db_path).read_text()
    for _ in range(2):  # refused, and refused again: the stamp never comes to match the damaged file
        with pytest.raises(DamagedJournal):
            JournalStore.open(db_path, create=True)
    assert stamp(db_path).read_text() == first
    assert bytes(data) == db_path.read_bytes()


def test_encrypt_passphrase_and_decrypt_check_the_whole_journal_first(cli, db_path, monkeypatch, full_checks):
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installable here")
    monkeypatch.delenv("RESILIENCE_PASSPHRASE", raising=False)
    cli("checkin", "--mood", "5", "--no-input")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "correct horse battery")
    # The journal before it is converted, and the converted copy before it is put in place.
    assert checked_once(cli, full_checks, "encrypt") == 2
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "battery staple horse")
    assert checked_once(cli, full_checks, "passphrase") == 1
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", "battery staple horse")
    assert checked_once(cli, full_checks, "decrypt") == 2
    monkeypatch.delenv("RESILIENCE_PASSPHRASE")
    assert [r["mood"] for r in rows(db_path)] == [5]


def test_encrypt_refuses_a_damaged_journal_and_leaves_it_as_it_is(cli, db_path, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installable here")
    for n in range(300):
        cli("checkin", "--date", (today() - dt.timedelta(days=n)).isoformat(), "--mood", "5", "--no-input")
    data = bytearray(db_path.read_bytes())
    data[4096:4096 * 3] = b"\xa5" * (4096 * 2)
    db_path.write_bytes(bytes(data))
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "correct horse battery")
    result = cli("encrypt")
    assert (result.exit_code, result.stderr) == (1, (
        f"The journal at {db_path} is damaged or is not a database, so it was left as it is. "
        "Restore a backup, or move the file aside to start a new journal.\n"))
    assert db_path.read_bytes() == bytes(data)
    assert sorted(p.name for p in db_path.parent.iterdir() if "converting" in p.name) == []
