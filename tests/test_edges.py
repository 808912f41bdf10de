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
STAMP_FILE = ".journal.db.checked"  # the soundness stamp beside the journal (store/soundness.py)


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
    # Nothing hidden but the soundness stamp (store/soundness.py), which a check-in writes too.
    assert [name for name in after if name.startswith(".") and name != STAMP_FILE] == []
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
    ("colleague_checks", "INSERT INTO colleague_checks VALUES "
                         f"('{UUID}', 'G', '2099-01-01', NULL, NULL, '{STAMP}', '{STAMP}')",
     "in the colleague reminder for 2099-01-01 (table colleague_checks), incident_date 2099-01-01 is in the future"),
    ("phoneins", f"INSERT INTO phoneins VALUES ('{UUID}', '2099-01-01', 'ok', NULL, '{STAMP}', '{STAMP}')",
     "in the phone-in takeaway for 2099-01-01 (table phoneins), date 2099-01-01 is in the future"),
    ("phonein_plan", "INSERT INTO phonein_plan VALUES "
                     f"('{UUID}', 'wednesday', '14:00', 30, 0, '2026-01-01', '{STAMP}', '{STAMP}')",
     "in the phone-in plan for wednesday (table phonein_plan), starts must be a date as YYYY-MM-DD that falls on a "
     "wednesday"),
    ("phonein_preps", f"INSERT INTO phonein_preps VALUES ('{UUID}', '2099-01-01', 'x', '{STAMP}', '{STAMP}')",
     "in the phone-in note for 2099-01-01 (table phonein_preps), date 2099-01-01 is in the future"),
    ("pulse_reads", f"INSERT INTO pulse_reads VALUES ('{'a' * 64}', 'rumour', '2026-W01', 'x', '{STAMP}')",
     "in the team pulse read for 2026-W01 (table pulse_reads), kind: 'rumour' is not report or response"),
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
    assert [p.name for p in journal.parent.iterdir() if p.name.startswith(".") and p.name != STAMP_FILE] == []


def test_every_table_of_a_journal_has_a_restore_check(db_path, cli):
    """A table added by a later migration must have its rows checked on restore too:
    the schema check lets it through, and an unchecked table is how garbage got in."""
    import datetime as dt

    from resilience_cli.store.files import _checks

    assert cli("checkin", "--mood", "6", "--no-input").exit_code == 0
    conn = sqlite3.connect(db_path)
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == set(_checks(dt.date(2026, 1, 1)))
    assert {g[0] for g in GARBAGE} == tables


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
    """Older backups lack the newer columns and tables: skipped answers, not bad rows.
    The backup is a journal as the release with six migrations made it."""
    from sqlite_utils import Database

    from resilience_cli.store.migrations import build

    backup = tmp_path / "old.db"
    db = Database(backup)
    build().apply(db, stop_before="m007_interactions_and_growth")
    for n, day in enumerate((days_ago(3), days_ago(2), days_ago(1))):
        db.execute("INSERT INTO checkins (id, date, shift, mood, created_at, updated_at) VALUES "
                   f"('0b6c2d7e-1f3a-4c5b-8d9e-0a1b2c3d4e5{n}', '{day}', 'night', 6, '{STAMP}', '{STAMP}')")
    db.conn.commit()
    db.close()
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Restored 3 check-ins from {backup}.")
    restored = rows(journal)
    assert len(restored) == 3 and {r["shift"] for r in restored} == {"night"}
    assert (restored[0]["interactions"], restored[0]["hurt"], restored[0]["good_moment"]) == (None, None, None)


def test_today_is_no_future_date(cli, journal, tmp_path):
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0
    backup = _backup(cli, tmp_path)
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert rows(journal)[-1]["date"] == today().isoformat()


# -- Out: files written -----------------------------------------------------------

@pytest.fixture
def linked_journal(cli, home, tmp_path):
    """journal.db kept as a link into a synced folder."""
    synced = tmp_path / "sync"
    synced.mkdir(mode=0o700)
    assert cli("checkin", "--date", days_ago(2), "--mood", "6", "--no-input").exit_code == 0
    real = synced / "journal.db"
    shutil.move(home / "journal.db", real)
    (home / "journal.db").symlink_to(real)
    assert cli("checkin", "--date", days_ago(1), "--mood", "6", "--no-input").exit_code == 0
    assert real.is_file() and len(rows(real)) == 2
    return real


@pytest.mark.parametrize("command", [("export",), ("summary", "--no-input")])
@pytest.mark.parametrize("name", ["journal.db", "journal.db-wal", "journal.db-journal", "notes.md"])
def test_an_output_never_replaces_a_linked_journal_or_its_real_folder(cli, linked_journal, command, name):
    target = linked_journal.parent / name
    before = linked_journal.read_bytes()
    result = cli(*command, "-o", str(target), "--force")
    assert (result.exit_code, result.stderr) == (
        2, f"{target} is in the folder that holds your journal and settings ({linked_journal.parent}), where "
           "it could overwrite them. Choose a path outside it. Nothing was written.\n")
    assert linked_journal.read_bytes() == before and len(rows(linked_journal)) == 2
    assert not (linked_journal.parent / "notes.md").exists()


@pytest.mark.parametrize("name", ["config.toml", "journal.db-wal", "packs/x.db"])
def test_backup_path_is_refused_where_an_output_is(cli, journal, home, name):
    target = home / name
    result = cli("backup", str(target))
    assert (result.exit_code, result.stderr) == (
        2, f"{target} is in the folder that holds your journal and settings ({home}), where it could "
           "overwrite them. Choose a path outside it. Nothing was written.\n")
    assert not (home / "config.toml").exists()
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0


def test_backup_into_the_backups_folder_by_name_is_allowed(cli, journal, home):
    target = home / "backups" / "mine.db"
    target.parent.mkdir(mode=0o700)
    result = cli("backup", str(target))
    assert (result.exit_code, result.stdout) == (0, f"Backed up 3 check-ins to {target}.\n")
    assert len(rows(target)) == 3


RACER = """
import os, sys, time
theirs, planted, stop = sys.argv[1:]
print("ready", flush=True)
while not os.path.exists(stop):
    try:
        os.symlink(theirs, planted)
    except FileExistsError:
        pass
"""


def test_a_partial_name_planted_in_a_shared_folder_receives_nothing(cli, journal, tmp_path):
    """Another local user plants `.NAME.partial` as a link to her own empty file, again and
    again, while the owner backs up into a folder both can write."""
    import os
    import subprocess
    import sys

    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    theirs = tmp_path / "theirs.db"
    theirs.touch()
    stop = tmp_path / "stop"
    made = []
    for n in range(5):
        dest = shared / f"journal-{n}.db"
        racer = subprocess.Popen([sys.executable, "-c", RACER, str(theirs), str(shared / f".{dest.name}.partial"),
                                  str(stop)], stdout=subprocess.PIPE, text=True)
        assert racer.stdout.readline().strip() == "ready"
        try:
            result = cli("backup", str(dest))
        finally:
            stop.touch()
            racer.wait(30)
            stop.unlink()
        made.append(result)
        assert theirs.stat().st_size == 0, "the planted link received the journal"
        assert (result.exit_code, BUG in result.stderr) == (0, False), result.stderr
        assert not dest.is_symlink() and len(rows(dest)) == 3
        assert oct(dest.stat().st_mode & 0o777) == "0o600"


def _first_checkin_with_region(cli, keys) -> str:
    """The first check-in (no journal yet): Scotland at the welcome's question, then Enter."""
    keys.send_text("3" + "\r" * 14)
    result = cli("checkin", "--shift", "day", "--mood", "6", "--sleep-hours", "7")
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_the_region_answer_leaves_a_linked_config_alone(cli, keys, terminal, home, tmp_path):
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir(mode=0o700)
    home.mkdir(mode=0o700)
    (dotfiles / "config.toml").write_text("[questions]\nalcohol = false\n")
    (home / "config.toml").symlink_to(dotfiles / "config.toml")
    out = _first_checkin_with_region(cli, keys)
    assert f'To use those contacts, add region = "scotland" under [contacts] in {home / "config.toml"}.' in out
    assert (home / "config.toml").is_symlink()
    assert (dotfiles / "config.toml").read_text() == "[questions]\nalcohol = false\n"


def test_the_region_answer_leaves_a_read_only_config_alone(cli, keys, terminal, home):
    import os

    home.mkdir(mode=0o700)
    config = home / "config.toml"
    config.write_text("[questions]\nalcohol = false\n")
    os.chmod(config, 0o400)
    out = _first_checkin_with_region(cli, keys)
    assert f'To use those contacts, add region = "scotland" under [contacts] in {config}.' in out
    assert config.read_text() == "[questions]\nalcohol = false\n"
    assert oct(config.stat().st_mode & 0o777) == "0o400"


def test_trends_window_before_the_calendar_begins_is_refused(cli, journal):
    result = cli("trends", "--to", "1970-01-01", "--days", "366000")
    assert (result.exit_code, result.stderr) == (
        2, "--days 366000 before 1970-01-01 reaches back before the calendar begins; give fewer days or a "
           "later --to.\n")


CI_CHECK = Path(__file__).resolve().parent.parent / ".ci" / "stray-outputs"


@pytest.mark.parametrize("name,stray", [
    ("-", True), ("journal.db", True), ("backups/journal-2026-11-20.db-wal", True), ("export.json", True),
    ("resilience-summary-2026-11-20.pdf", True), ("summary.md", True),
    ("README.md", False), ("CHANGELOG.md", False), ("docs/summary.md", False),
])
def test_ci_fails_when_the_tree_holds_an_output_file(tmp_path, name, stray):
    import subprocess

    repo = tmp_path / "repo"
    (repo / Path(name).parent).mkdir(parents=True)
    (repo / name).write_text("{}")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "--", name], check=True)
    result = subprocess.run([str(CI_CHECK), str(repo)], capture_output=True, text=True)
    assert result.returncode == (1 if stray else 0), result.stdout
    assert (name in result.stdout.splitlines()) == stray


def test_this_checkout_holds_no_output_file():
    import subprocess

    result = subprocess.run([str(CI_CHECK)], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "")


# -- Settings, packs and odd homes ------------------------------------------------

DEEP = "deep = " + "[" * 5000 + "]" * 5000 + "\n"


@pytest.mark.parametrize("content,warning", [
    ('[[contacts.own]]\nname = "Zoë"\nhow = "07700 900123"\n'.encode("latin-1"),
     "The settings file {config} is not UTF-8 text (an editor may have saved it as Latin-1 or "
     "Windows-1252). Save it as UTF-8, or move it aside to use the defaults."),
    (DEEP.encode(), "The settings file {config} nests its tables or lists too deeply to be settings. "
                    "Move it aside to use the defaults."),
])
def test_a_settings_file_that_cannot_be_read_is_a_warning_and_the_check_in_is_saved(
        cli, home, db_path, content, warning):
    home.mkdir(mode=0o700)
    config = home / "config.toml"
    config.write_bytes(content)
    result = cli("checkin", "--mood", "6", "--no-input")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == warning.format(config=config) + " Until then the defaults are used.\n"
    assert [r["mood"] for r in rows(db_path)] == [6]
    for command in (("tips",), ("status",)):
        other = cli(*command)
        assert other.exit_code == 0 and BUG not in other.stderr
    shown = cli("config")
    assert (shown.exit_code, shown.stderr) == (2, warning.format(config=config) + "\n")


def test_a_settings_file_with_a_byte_order_mark_is_read(cli, home):
    home.mkdir(mode=0o700)
    (home / "config.toml").write_bytes(b"\xef\xbb\xbf[questions]\nalcohol = true\n")
    result = cli("config", "--format", "json")
    assert result.exit_code == 0, result.stderr
    import json

    assert json.loads(result.stdout)["settings"]["questions.alcohol"] == {"value": True, "from": "config file"}


def test_a_pack_with_a_byte_order_mark_is_added(cli, tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_bytes(b"\xef\xbb\xbf" + cli("pack", "example").stdout.encode())
    result = cli("pack", "add", str(pack))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Added the pack 'worthwhile-work' (Worthwhile work): 4 questions, weekly.")
    assert cli("pack", "list").stdout.startswith("worthwhile-work  Worthwhile work")


def test_a_pack_nested_too_deeply_is_refused_plainly(cli, tmp_path, home):
    pack = tmp_path / "deep.toml"
    pack.write_text(DEEP)
    result = cli("pack", "add", str(pack))
    assert (result.exit_code, result.stderr) == (
        2, "deep.toml nests its tables or lists too deeply to be a pack.\n")
    assert not (home / "packs").exists()


@pytest.mark.parametrize("command", [("checkin", "--mood", "5", "--no-input"), ("reflect", "--connected", "2", "--no-input"),
                                     ("tips", "--silence", "R16"), ("backup",)])
def test_a_home_under_a_file_gets_a_plain_sentence(cli, tmp_path, monkeypatch, command):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setenv("RESILIENCE_HOME", str(blocker / "home"))
    result = cli(*command)
    expected = (f"{blocker} is a file, not a folder, so resilience cannot keep anything in {blocker / 'home'}. "
                "Set RESILIENCE_HOME to a folder of your own.\n")
    if command == ("backup",):
        expected = "There is no journal to back up yet. Nothing was written.\n"
    assert (result.exit_code, result.stderr) == (1, expected)


@pytest.mark.parametrize("command", [("checkin", "--mood", "5", "--no-input"), ("tips", "--silence", "R16")])
def test_a_home_in_a_system_folder_that_cannot_hold_files_gets_a_plain_sentence(cli, monkeypatch, command):
    monkeypatch.setenv("RESILIENCE_HOME", "/proc/resilience-home")
    result = cli(*command)
    assert (result.exit_code, result.stderr) == (
        1, "The folder /proc/resilience-home could not be created (No such file or directory). Set "
           "RESILIENCE_HOME to a folder you can write to.\n")


@pytest.fixture
def immutable():
    """Make a folder unwritable even for root (tests run as root, where chmod is no
    obstacle): chattr +i, where the file system allows it."""
    import subprocess

    made = []

    def freeze(folder: Path) -> None:
        if shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not available here")
        made.append(folder)

    yield freeze
    for folder in made:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_journal_folder_gets_a_plain_sentence_naming_it(cli, journal, home, immutable, tmp_path):
    immutable(home)
    backup = cli("backup")
    assert (backup.exit_code, backup.stderr) == (
        1, f"The folder {home / 'backups'} could not be created (Operation not permitted). Set RESILIENCE_HOME "
           "to a folder you can write to.\n")
    elsewhere = cli("backup", str(tmp_path / "b.db"))
    assert elsewhere.exit_code == 0, elsewhere.stderr
    checkin = cli("checkin", "--mood", "5", "--no-input")
    assert (checkin.exit_code, checkin.stderr) == (
        1, f"The folder {home} cannot be written to, so the journal in it can be read but not changed. "
           "Nothing was changed.\n")
    restore = cli("restore", str(tmp_path / "b.db"), "--yes")
    assert restore.exit_code == 1 and BUG not in restore.stderr and str(home) in restore.stderr
    conn = sqlite3.connect(f"file:{journal}?immutable=1", uri=True)
    assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 3
    conn.close()


def test_a_read_only_backups_folder_gets_a_plain_sentence(cli, journal, home, immutable):
    (home / "backups").mkdir(mode=0o700)
    immutable(home / "backups")
    result = cli("backup")
    assert (result.exit_code, result.stderr) == (
        1, f"No new file can be made in the folder {home / 'backups'} (Operation not permitted), so "
           f"journal-{today().isoformat()}.db was not written. Nothing was changed.\n")


@pytest.mark.parametrize("prefer", [(), ("--prefer", "file"), ("--prefer", "journal")])
def test_an_imported_record_whose_id_is_under_another_day_is_skipped_with_why(cli, journal, tmp_path, prefer):
    import json

    exported = json.loads(cli("export").stdout)
    [record] = [r for r in exported["records"] if r["type"] == "checkin" and r["date"] == days_ago(3)]
    record["date"] = days_ago(5)  # the same record, by its id, moved to another day
    exported["records"] = [record]
    path = tmp_path / "moved.json"
    path.write_text(json.dumps(exported))
    before = rows(journal)
    result = cli("import", str(path), *prefer)
    assert (result.exit_code, result.stdout) == (0, (
        "Imported check-ins: 0 new, 0 updated, 0 unchanged, 1 skipped.\n"
        f"  {days_ago(5)}: skipped; the file's record has the id of your journal's record for {days_ago(3)}, "
        "which is as recent or more, so it was left as it is.\n"))
    assert rows(journal) == before


CHECKINS = """
import datetime as dt, sys
from resilience_cli.cli import run
print("ready", flush=True)
for i in range(int(sys.argv[1])):
    day = (dt.date(2001, 1, 1) + dt.timedelta(days=i)).isoformat()
    code = run(["checkin", "--date", day, "--mood", "5", "--no-input"])
    print(day, code, flush=True)
"""


def test_encrypt_while_check_ins_keep_arriving_loses_nothing(cli, journal, monkeypatch):
    """Check-ins saved in another process throughout: encrypt either converts the journal or
    says another command was writing; every check-in that said "Saved" is in the journal."""
    import os
    import subprocess
    import sys

    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installable here")
    secret = "correct horse battery"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESILIENCE_PASSPHRASE")}
    writer = subprocess.Popen([sys.executable, "-c", CHECKINS, "150"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, env=env)
    assert writer.stdout.readline().strip() == "ready"
    writer.stdout.readline()  # the first check-in is in
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", secret)
    result = cli("encrypt")
    out, _ = writer.communicate(timeout=120)
    assert BUG not in result.stderr
    assert (result.exit_code, result.stderr) in ((0, ""), (
        1, "Another resilience command was writing to the journal while it was being converted. Nothing was "
           "changed; try again in a moment.\n")), result.stderr
    saved = {line.split()[0] for line in out.splitlines() if line.split()[1] == "0"}
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", secret if result.exit_code == 0 else "")
    import json

    logged = json.loads(cli("log", "--format", "json", "--days", "366000").stdout)
    assert saved <= {entry["date"] for entry in logged}
    assert len(saved) >= 1


# -- Ctrl-C -------------------------------------------------------------------

EARLY_CTRL_C = """
import atexit, os, signal, sys
from resilience_cli.cli import main  # the console script's one import
atexit.register(signal.setitimer, signal.ITIMER_REAL, 0)  # a run that ends first is not signalled
signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGINT))
signal.setitimer(signal.ITIMER_REAL, float(sys.argv[1]))
main(sys.argv[2:])
"""


@pytest.mark.parametrize("command", [("checkin", "--mood", "5", "--no-input"), ("tips",)])
def test_ctrl_c_in_the_first_tenth_of_a_second_prints_no_traceback(home, command):
    """SIGINT at every moment of start-up, imports included, from the entry point on:
    either the command finished, or it says it was cancelled; never a traceback."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "RESILIENCE_HOME": str(home)}
    seen = set()
    for ms in range(2, 150, 4):
        run = subprocess.run([sys.executable, "-c", EARLY_CTRL_C, str(ms / 1000), *command],
                             capture_output=True, text=True, env=env, timeout=60)
        assert "Traceback" not in run.stderr and BUG not in run.stderr, (ms, run.stderr)
        if run.returncode == 130:
            assert run.stderr.lower().endswith("cancelled; nothing was saved.\n"), (ms, run.stderr)
        else:
            assert run.returncode == 0, (ms, run.returncode, run.stderr)
        seen.add(run.returncode)
    assert 130 in seen  # some of the signals did land during start-up


@pytest.mark.parametrize("question", ["distressing incident", "How manageable was your workload"])
def test_a_sigint_between_two_questions_cancels_the_check_in(home, db_path, question):
    """A real SIGINT (kill -INT, or a terminal's Ctrl-C while it is not in raw mode), sent
    to the process in a pseudo-terminal while the check-in waits at a question."""
    import os
    import signal
    import sys

    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(RESILIENCE_HOME=str(home), TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    script = str(Path(sys.executable).parent / "resilience")
    child = pexpect.spawn(script, ["checkin"], env=env, encoding="utf-8", timeout=20, dimensions=(40, 100))
    child.expect_exact("Where in the UK do you live?")
    child.send("3")
    child.expect_exact("(1 to 4; Enter skips)")  # the service: skipped
    child.send("\r\r")  # the first Enter confirms the 3
    child.expect_exact("What kind of day was it?")
    child.send("2")
    child.expect_exact("distressing incident")
    if question != "distressing incident":
        for answer, next_question in (("0", "distressing material"), ("0", "hostile or distressing interactions"),
                                      ("0", question)):
            child.send(answer)
            child.expect_exact(next_question)
    os.kill(child.pid, signal.SIGINT)
    child.expect_exact("Check-in cancelled; nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not db_path.exists() or rows(db_path) == []
    assert not (home / "config.toml").exists()  # the region is saved with the check-in, never before


def test_backup_to_a_dash_is_refused_not_a_file_named_dash(cli, journal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("backup", "-")
    assert (result.exit_code, result.stderr) == (
        2, "A backup is a database file, not text for standard output: give it a file name. Nothing was written.\n")
    assert not (tmp_path / "-").exists()


def _refused_folder() -> Path:
    """A folder this user may not look into, even as root: /proc/1/root in a container
    (another process's root, guarded by ptrace rules). Skipped where it is readable."""
    folder = Path("/proc/1/root")
    try:
        (folder / "resilience-probe").exists()
    except PermissionError:
        return folder
    pytest.skip("no folder here refuses this user")


@pytest.mark.parametrize("command", [("status",), ("checkin", "--mood", "5", "--no-input"), ("tips",), ("log",),
                                     ("backup",), ("export",), ("config",), ("trends",), ("privacy",),
                                     ("pack", "list"), ("summary", "--no-input", "-o", "-")])
def test_a_home_in_a_folder_the_user_cannot_read_gets_a_plain_sentence(cli, monkeypatch, command):
    home = _refused_folder() / "home"
    monkeypatch.setenv("RESILIENCE_HOME", str(home))
    result = cli(*command)
    assert (result.exit_code, result.stderr) == (
        1, f"resilience cannot use the folder {home}: you do not have permission to read or write there. "
           "Set RESILIENCE_HOME to a folder of your own.\n")


def test_restore_into_a_linked_journal_keeps_the_link(cli, linked_journal, home, tmp_path):
    backup = _backup(cli, tmp_path)
    cli("delete", days_ago(1), "--yes")
    result = cli("restore", str(backup), "--yes")
    assert result.exit_code == 0, result.stderr
    assert (home / "journal.db").is_symlink() and (home / "journal.db").resolve() == linked_journal
    assert len(rows(linked_journal)) == 2
    assert [p.name for p in linked_journal.parent.iterdir()
            if p.name.startswith(".") and p.name != STAMP_FILE] == []


def test_encrypt_and_decrypt_a_linked_journal_keep_the_link(cli, linked_journal, home, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="the encryption extra is not installable here")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "correct horse battery")
    assert cli("encrypt").exit_code == 0
    assert (home / "journal.db").is_symlink()
    assert not linked_journal.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", "correct horse battery")
    assert cli("decrypt").exit_code == 0
    assert (home / "journal.db").is_symlink() and len(rows(linked_journal)) == 2


def test_a_restore_copy_left_by_a_killed_restore_is_swept_once_old(cli, journal):
    import os
    import time

    old = journal.parent / ".restore.k1ll3d.checking"
    recent = journal.parent / ".restore.runn1n.checking"
    for leftover in (old, recent):
        leftover.write_bytes(b"SQLite format 3\x00 a copy of a backup")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    assert cli("checkin", "--mood", "5", "--no-input").exit_code == 0
    assert not old.exists() and recent.exists()  # a restore may be checking that one now
