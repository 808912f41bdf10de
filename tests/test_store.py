"""JournalStore on real SQLite files: schema, permissions, amend, concurrency, damage."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest

from resilience_cli.errors import DamagedJournal, NewerJournal
from resilience_cli.store import JournalStore
from resilience_cli.store.migrations import MIGRATION_NAMES, build

DAY = dt.date(2026, 11, 27)

EXPECTED_COLUMNS = [
    ("id", "TEXT", 1, 1),
    ("date", "TEXT", 1, 0),
    ("shift", "TEXT", 0, 0),
    ("incident", "TEXT", 0, 0),
    ("material", "INTEGER", 0, 0),
    ("graphic", "INTEGER", 0, 0),
    ("workload", "INTEGER", 0, 0),
    ("sleep_hours", "REAL", 0, 0),
    ("sleep_quality", "INTEGER", 0, 0),
    ("nightmare", "INTEGER", 0, 0),
    ("intrusions", "INTEGER", 0, 0),
    ("switch_off", "INTEGER", 0, 0),
    ("mood", "INTEGER", 0, 0),
    ("energy", "INTEGER", 0, 0),
    ("talked", "INTEGER", 0, 0),
    ("support", "INTEGER", 0, 0),
    ("recovery", "TEXT", 0, 0),
    ("alcohol_units", "REAL", 0, 0),
    ("note", "TEXT", 0, 0),
    ("raise_at_supervision", "INTEGER", 0, 0),
    ("talking_point", "TEXT", 0, 0),
    ("created_at", "TEXT", 1, 0),
    ("updated_at", "TEXT", 1, 0),
    # Added by m004: new columns come last in SQLite, whatever the record's order.
    ("supported_colleague", "INTEGER", 0, 0),
    # Added by m007.
    ("interactions", "INTEGER", 0, 0),
    # Added by m008 (which rebuilt the table to widen shift's CHECK, keeping this order).
    ("hurt", "INTEGER", 0, 0),
    # Added by m009.
    ("good_moment", "INTEGER", 0, 0),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_new(db_path: Path) -> JournalStore:
    store = JournalStore.open(db_path, create=True)
    assert store is not None
    return store


def test_fresh_schema_is_exact(db_path):
    open_new(db_path).close()
    conn = sqlite3.connect(db_path)
    tables = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    assert tables == ["_sqlite_migrations", "checkins", "colleague_checks", "followups", "pack_answers",
                      "pack_safety_answers", "phonein_plan", "phonein_preps", "phoneins", "pulse_reads",
                      "reflections", "rule_rests", "safety_answers", "silenced_rules", "summaries"]
    columns = [(r[1], r[2], r[3], r[5]) for r in conn.execute("PRAGMA table_info(checkins)")]
    assert columns == EXPECTED_COLUMNS
    indexes = [r[2] for r in conn.execute("PRAGMA index_list(checkins)")]
    assert sorted(indexes) == [1, 1]  # the primary key and the one-per-day date index
    applied = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set='resilience' ORDER BY id")]
    assert applied == list(MIGRATION_NAMES) == ["m001_create_checkins", "m002_periodic_records",
                                                "m003_summaries", "m004_supported_colleague",
                                                "m005_pack_answers", "m006_pack_safety_and_rule_rests",
                                                "m007_interactions_and_growth", "m008_day_kinds_and_hurt",
                                                "m009_good_moment_and_colleagues", "m010_phoneins",
                                                "m011_pulse_reads"]
    # Only a nickname, dates and when a word was had: never the colleague's state or words.
    assert [r[1] for r in conn.execute("PRAGMA table_info(colleague_checks)")] == [
        "id", "nickname", "incident_date", "day3_done", "week4_done", "created_at", "updated_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(pack_answers)")] == [
        "id", "pack", "date", "answers", "created_at", "updated_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(pack_safety_answers)")] == [
        "id", "pack", "question", "date", "value", "crisis", "created_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(rule_rests)")] == ["rule", "shown_on", "strength"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(summaries)")] == [
        "id", "created_at", "period_from", "period_to", "requests", "request_other", "actions"]
    assert [(r[1], r[2], r[3]) for r in conn.execute("PRAGMA table_info(safety_answers)")] == [
        ("id", "TEXT", 1), ("date", "TEXT", 1), ("answer", "TEXT", 1), ("created_at", "TEXT", 1)]
    assert [r[1] for r in conn.execute("PRAGMA table_info(followups)")] == [
        "id", "incident_date", "kind", "date", "intrusions", "sleep_quality", "avoidance",
        "support", "trim", "skipped", "created_at", "updated_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(reflections)")] == [
        "id", "week", "date", "helped", "harder", "connected", "worthwhile", "try_next",
        "created_at", "updated_at", "proud"]  # proud: added by m007
    assert [r[1] for r in conn.execute("PRAGMA table_info(silenced_rules)")] == ["rule", "until"]
    # Added by m010: the phone-in plan, the takeaways, and the private preparation.
    assert [r[1] for r in conn.execute("PRAGMA table_info(phonein_plan)")] == [
        "id", "weekday", "at", "minutes", "fortnightly", "starts", "created_at", "updated_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(phoneins)")] == [
        "id", "date", "takeaway", "one_thing", "created_at", "updated_at"]
    assert [r[1] for r in conn.execute("PRAGMA table_info(phonein_preps)")] == [
        "id", "date", "bring", "created_at", "updated_at"]
    assert [(r[1], r[2], r[3]) for r in conn.execute("PRAGMA table_info(pulse_reads)")] == [
        ("digest", "TEXT", 1), ("kind", "TEXT", 1), ("weeks", "TEXT", 1), ("headline", "TEXT", 1),
        ("read_at", "TEXT", 1)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_migration_names_match_the_sqlite_utils_history():
    assert [m.name for m in build()._migrations] == list(MIGRATION_NAMES)


def test_schema_refuses_out_of_range_values_even_from_outside(db_path):
    open_new(db_path).close()
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO checkins (id, date, mood, created_at, updated_at) "
            "VALUES ('a', '2026-11-27', 11, 'x', 'x')"
        )
    conn.close()


def test_files_are_private(home, db_path):
    open_new(db_path).close()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_parents_we_create_are_private_and_existing_ones_untouched(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    path = shared / "a" / "b" / "journal.db"
    JournalStore.open(path, create=True).close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / "a" / "b").stat().st_mode) == 0o700


def test_read_only_open_creates_nothing(home, db_path):
    assert JournalStore.open(db_path, create=False) is None
    assert not home.exists()


def test_save_then_amend_keeps_id_and_unanswered(db_path):
    with open_new(db_path) as store:
        first, created = store.save(DAY, {"mood": 4, "shift": "night", "recovery": ()},
                                    now="2026-11-27T06:00:00Z")
        assert created is True
        second, created = store.save(DAY, {"mood": 7, "sleep_hours": 5.5},
                                     now="2026-11-27T09:00:00Z")
        assert created is False
        assert second.id == first.id
        assert (second.mood, second.shift, second.sleep_hours, second.recovery) == (7, "night", 5.5, ())
        assert (second.created_at, second.updated_at) == ("2026-11-27T06:00:00Z", "2026-11-27T09:00:00Z")
        assert store.get(DAY) == second
        assert store.count() == 1


def test_round_trip_of_every_type(db_path):
    answers = {
        "shift": "long", "incident": "minor", "hurt": True, "material": 3, "graphic": True, "interactions": 1,
        "workload": 0, "sleep_hours": 7.25, "sleep_quality": 10, "nightmare": False,
        "intrusions": 4, "switch_off": 0, "mood": 10, "energy": 0, "talked": True,
        "support": 4, "recovery": ("exercise", "wind_down"), "alcohol_units": 2.5,
        "note": "a line, with \"quotes\"\nand é", "raise_at_supervision": True,
        "talking_point": "breaks", "supported_colleague": True, "good_moment": True,
    }
    with open_new(db_path) as store:
        saved, _ = store.save(DAY, answers)
    with JournalStore.open(db_path, create=False) as store:
        loaded = store.get(DAY)
    assert loaded == saved
    assert loaded.answers() == answers


def test_between_is_inclusive_and_ordered(db_path):
    with open_new(db_path) as store:
        for offset in (0, 1, 2, 5):
            store.save(DAY - dt.timedelta(days=offset), {"mood": offset})
        got = store.between(DAY - dt.timedelta(days=2), DAY)
    assert [r.date for r in got] == ["2026-11-25", "2026-11-26", "2026-11-27"]


def test_delete(db_path):
    with open_new(db_path) as store:
        store.save(DAY, {"mood": 5})
        assert store.delete(DAY) is True
        assert store.delete(DAY) is False
        assert store.get(DAY) is None


def _writer(path: str, offset: int, count: int) -> None:
    store = JournalStore.open(Path(path), create=True)
    for i in range(count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=offset + i)
        store.save(day, {"mood": i % 11})
        # Both processes also amend one shared day: neither amendment may be lost.
        store.save(dt.date(2019, 12, 31), {"energy" if offset else "mood": i % 11})
    store.close()


def test_two_processes_writing_at_once(db_path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db_path), off, 60)) for off in (0, 1000)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    with JournalStore.open(db_path, create=False) as store:
        assert store.count() == 121
        shared = store.get(dt.date(2019, 12, 31))
    assert (shared.mood, shared.energy) == (59 % 11, 59 % 11)


def test_a_file_that_is_not_a_database_is_refused_and_untouched(home, db_path):
    home.mkdir()
    db_path.write_bytes(b"these are not the bytes of a database\n" * 100)
    before = digest(db_path)
    for create in (False, True):
        with pytest.raises(DamagedJournal) as info:
            JournalStore.open(db_path, create=create)
        assert str(db_path) in info.value.message
        assert info.value.exit_code == 1
    assert digest(db_path) == before
    assert sorted(p.name for p in home.iterdir()) == ["journal.db"]


def test_another_programs_database_is_refused_and_untouched(home, db_path):
    home.mkdir()
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DamagedJournal) as info:
        JournalStore.open(db_path, create=True)
    assert info.value.message == (
        f"The file at {db_path} is not a resilience journal, so it was left as it is. "
        "Move it aside, or set RESILIENCE_HOME to another folder."
    )
    assert digest(db_path) == before


def _damage(db_path: Path) -> None:
    """Overwrite the middle of the file, as a failing disk would."""
    data = bytearray(db_path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 3)):
        data[i] = 0xA5
    db_path.write_bytes(bytes(data))


def test_a_damaged_journal_is_never_written(db_path):
    with open_new(db_path) as store:
        for i in range(300):
            store.save(DAY - dt.timedelta(days=i), {"mood": i % 11, "note": "x" * 200})
    _damage(db_path)
    before = digest(db_path)
    with pytest.raises(DamagedJournal) as info:
        JournalStore.open(db_path, create=True)
    assert "is damaged" in info.value.message
    assert digest(db_path) == before


def test_a_newer_journal_is_refused_and_untouched(db_path):
    open_new(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('resilience', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = digest(db_path)
    for create in (False, True):
        with pytest.raises(NewerJournal) as info:
            JournalStore.open(db_path, create=create)
        assert info.value.message == (
            f"The journal at {db_path} was written by a newer version of resilience, "
            "so it was left untouched. Upgrade resilience to use it."
        )
    assert digest(db_path) == before


def test_an_empty_file_from_an_interrupted_first_run_is_completed(home, db_path):
    home.mkdir()
    db_path.touch()
    assert JournalStore.open(db_path, create=False) is None
    with JournalStore.open(db_path, create=True) as store:
        store.save(DAY, {"mood": 5})
        assert store.count() == 1


def test_a_full_disk_is_a_clear_error_and_writes_nothing(db_path):
    from resilience_cli.errors import JournalProblem

    with open_new(db_path) as store:
        store.save(DAY, {"mood": 5})
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite reports a full disk exactly so when the file may not grow.
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        records = [
            __import__("resilience_cli.model", fromlist=["CheckIn"]).CheckIn(
                id=f"id-{i}", date=(DAY - dt.timedelta(days=i + 1)).isoformat(),
                note="x" * 3000, created_at="x", updated_at="x")
            for i in range(50)
        ]
        with pytest.raises(JournalProblem) as info:
            store.insert_many(records)
        assert info.value.message == (
            f"The disk holding {db_path} is full. Nothing was changed; free some space and try again."
        )
        assert store.count() == 1


@pytest.mark.parametrize("stop_before", MIGRATION_NAMES[1:])
def test_upgrade_from_every_older_schema_keeps_the_data(db_path, stop_before):
    from sqlite_utils import Database

    db_path.parent.mkdir()
    db = Database(db_path)
    build().apply(db, stop_before=stop_before)
    db.execute(
        "INSERT INTO checkins (id, date, mood, recovery, created_at, updated_at) "
        "VALUES ('old-id', '2026-11-01', 4, 'people', 'a', 'a')"
    )
    db.conn.commit()
    db.close()
    with JournalStore.open(db_path, create=False) as store:
        record = store.get(dt.date(2026, 11, 1))
    assert (record.id, record.mood, record.recovery) == ("old-id", 4, ("people",))
    conn = sqlite3.connect(db_path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert applied == list(MIGRATION_NAMES)


def test_a_read_only_journal_is_a_clear_error_and_writes_nothing(db_path):
    from resilience_cli.errors import JournalProblem

    with open_new(db_path) as store:
        store.save(DAY, {"mood": 5})
        # What SQLite reports for a read-only file or mount, without needing one.
        store.conn.execute("PRAGMA query_only = 1")
        with pytest.raises(JournalProblem) as info:
            store.save(DAY, {"mood": 9})
        assert info.value.message == (
            f"The journal at {db_path} cannot be written (it is read-only). Nothing was changed."
        )
        assert store.get(DAY).mood == 5


def test_a_home_made_by_another_run_at_the_same_moment_is_no_failure(home, db_path, monkeypatch):
    """Two runs creating a fresh home at once: the second mkdir finds it made (a race that
    failed test_two_processes_writing_at_once now and then). It is used, not refused."""
    real_mkdir = Path.mkdir

    def the_other_run_first(self, *args, **kwargs):
        if self == home:
            real_mkdir(self, mode=0o700)  # the other run, a moment earlier
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", the_other_run_first)
    with JournalStore.open(db_path, create=True) as store:
        store.save(dt.date(2026, 11, 27), {"mood": 5})
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    with JournalStore.open(db_path, create=False) as store:
        assert store.get(dt.date(2026, 11, 27)).mood == 5
