"""Journal files as files: taking a private copy of a backup, checking that copy
without changing it, and swapping it in."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from resilience_cli.config import ensure_private_dir
from resilience_cli.errors import DamagedJournal, InvalidInput, JournalProblem
from resilience_cli.files import put_in_place
from resilience_cli.messages import _
from resilience_cli.store.rows import COLUMNS, from_row

BACKUP_COMMAND = "resilience backup"  # not a message: a command, typed as it is


def private_copy(source: Path, folder: Path, passphrase: str | None = None) -> Path:
    """A copy of the backup at `source`, its write-ahead log folded in, in a new file of
    `folder` that only this process knows the name of.

    Checking `source` and then copying it once installed what SQLite had not
    read: the main file alone, without the `-wal` beside it that had dropped a
    trigger from it, or held its latest check-ins. What is checked and then
    installed is this copy, and nothing else.
    """
    if not source.is_file():
        raise JournalProblem(_("store.files.no_file", path=source))
    db: Any = sqlite3
    if passphrase is not None:
        from resilience_cli.store import cipher

        db = cipher.driver()
    ensure_private_dir(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=".restore.", suffix=".checking", dir=folder)
    except OSError as exc:
        raise JournalProblem(_("store.files.copy_failed", folder=folder, reason=exc.strerror)) from None
    os.close(fd)
    copy = Path(name)
    try:
        try:
            conn = db.connect(f"file:{quote(str(source))}?mode=ro", uri=True, isolation_level=None)
        except db.Error:
            raise JournalProblem(_("store.files.cannot_open", path=source)) from None
        try:
            if passphrase is not None:
                from resilience_cli.store.cipher import unlock

                unlock(conn, passphrase)
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # not a message: SQL
                except db.DatabaseError:
                    raise InvalidInput(_("store.files.wrong_passphrase", path=source)) from None
            # VACUUM INTO reads what SQLite sees (the main file and its -wal) and
            # writes one self-contained file, into the empty one made above.
            conn.execute("VACUUM INTO ?", (str(copy),))  # not a message: SQL
        except db.DatabaseError:
            raise DamagedJournal(_("store.files.not_a_backup", path=source, command=BACKUP_COMMAND)) from None
        finally:
            conn.close()
        os.chmod(copy, 0o600)
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return copy


def inspect_file(path: Path, passphrase: str | None = None, *, today: dt.date,
                 shown_as: Path | None = None) -> dict[str, int]:
    """Check, without changing it, that a file is a sound journal we can read.

    Returns its record counts; raises with a plain message otherwise, naming
    the file as `shown_as` (the backup the person chose, for a private copy).
    """
    shown = shown_as or path
    if not path.is_file():
        raise JournalProblem(_("store.files.no_file", path=shown))
    db: Any = sqlite3
    if passphrase is not None:
        from resilience_cli.store import cipher

        db = cipher.driver()
    try:
        # Immutable: a private copy nobody writes; it must gain no side files.
        conn = db.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True, isolation_level=None)
    except db.Error:
        raise JournalProblem(_("store.files.cannot_open", path=shown)) from None
    from resilience_cli.store import JournalStore

    probe = JournalStore(conn, shown, db)
    try:
        if passphrase is not None:
            from resilience_cli.store.cipher import unlock

            unlock(conn, passphrase)
            probe.check_passphrase()
        try:
            state = probe.schema_state()
        except DamagedJournal:
            state = "foreign"
        if state in ("empty", "foreign"):
            raise DamagedJournal(_("store.files.not_a_backup", path=shown, command=BACKUP_COMMAND))
        with probe.guard():
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]  # not a message: SQL
        if result != "ok":
            raise DamagedJournal(_("store.files.damaged", path=shown))
        applied = probe.applied_migrations()
        _only_our_schema(conn, shown, applied)
        _every_row_valid(conn, shown, today)
        return probe.counts()
    finally:
        conn.close()


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def _expected_schema(applied: list[str]) -> set[tuple[str, str, str]]:
    """What our migrations create, up to the ones this file has applied: (type, name, sql)."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from resilience_cli.store.migrations import MIGRATION_SET, MIGRATIONS

    memory = Database(memory=True)
    history = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS[:len(applied)]:
        history()(fn)
    history.apply(memory)
    return {(kind, name, _normal(sql)) for kind, name, sql in
            memory.execute("SELECT type, name, sql FROM sqlite_master").fetchall()}  # not a message: SQL


def _only_our_schema(conn: Any, path: Path, applied: list[str]) -> None:
    """Exactly the tables, indexes and columns our migrations create: no trigger, view or
    table of anyone else's (a backup with `AFTER INSERT ON checkins ... DELETE` once
    restored cleanly, and every later check-in said "Saved" and vanished), and none
    missing (a backup without safety_answers restored, and then every check-in said
    the journal was damaged)."""
    from resilience_cli.store.migrations import MIGRATION_NAMES

    if applied != list(MIGRATION_NAMES[:len(applied)]):
        raise DamagedJournal(_("store.files.foreign_history", path=path))
    found = {(kind, name, _normal(sql)) for kind, name, sql in
             conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()}  # not a message: SQL
    expected = _expected_schema(applied)
    strange = sorted(found - expected, key=lambda item: (item[0], item[1]))
    if strange:
        kind, name, __ = strange[0]
        raise DamagedJournal(_("store.files.strange_schema", path=path, kind=kind, name=name))
    missing = sorted(expected - found, key=lambda item: (item[0] != "table", item[1]))
    if missing:
        kind, name, __ = missing[0]
        raise DamagedJournal(_("store.files.missing_schema", path=path, kind=kind, name=name))


# What names a row in a refusal, table by table: the field a person would know it by.
_ROW_KEY = {"reflections": "week", "summaries": "period_from", "silenced_rules": "rule",
            "rule_rests": "rule", "_sqlite_migrations": "name", "colleague_checks": "incident_date",
            "phonein_plan": "weekday", "pulse_reads": "weeks"}
# The id of the noun each table's row is called by, in the catalogue.
_NOUN = {"checkins": "store.files.noun.checkins", "followups": "store.files.noun.followups",
         "reflections": "store.files.noun.reflections", "safety_answers": "store.files.noun.safety_answers",
         "pack_answers": "store.files.noun.pack_answers",
         "pack_safety_answers": "store.files.noun.pack_safety_answers",
         "summaries": "store.files.noun.summaries", "silenced_rules": "store.files.noun.silenced_rules",
         "rule_rests": "store.files.noun.rule_rests", "_sqlite_migrations": "store.files.noun.migrations",
         "colleague_checks": "store.files.noun.colleague_checks", "phoneins": "store.files.noun.phoneins",
         "phonein_plan": "store.files.noun.phonein_plan", "phonein_preps": "store.files.noun.phonein_preps",
         "pulse_reads": "store.files.noun.pulse_reads"}


def _noun(table: str) -> str:
    """What a row of `table` is called, in the language spoken."""
    return _(_NOUN[table])


def _every_row_valid(conn: Any, path: Path, today: dt.date) -> None:
    """Every row of every table, ours and the schema history, through the same checks an
    import makes (dates included: none in the future); the first bad one is named."""
    checks = _checks(today)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]  # not a message: SQL
    # Text is decoded here, not by the driver: a note that is not UTF-8 is then
    # a bad row that can be named, not an error from deep inside SQLite.
    conn.text_factory = bytes
    try:
        for table in tables:
            check = checks.get(table)
            if check is None:  # the schema check has already refused any other table
                continue
            names = [row[1].decode() for row in conn.execute(f'PRAGMA table_info("{table}")')]  # not a message: SQL
            for row in conn.execute(f'SELECT {", ".join(names)} FROM "{table}" ORDER BY rowid'):  # not a message: SQL
                values: dict[str, Any] = {}
                unreadable = None
                for name, value in zip(names, row, strict=True):
                    if isinstance(value, bytes):
                        try:
                            value = value.decode("utf-8")
                        except UnicodeDecodeError:
                            unreadable = unreadable or name
                            value = None
                    values[name] = value
                key = values.get(_ROW_KEY.get(table, "date")) or values.get("date") or values.get("id")
                where = (_("store.files.row_named", noun=_noun(table), key=key) if key is not None
                         else _("store.files.row_of", table=table))
                try:
                    if unreadable:
                        raise InvalidInput(_("store.files.not_utf8", field=unreadable))
                    check(values)
                except InvalidInput as exc:
                    raise DamagedJournal(_("store.files.bad_row", path=path, where=where, table=table,
                                           problem=exc.message.rstrip("."))) from None
                except (TypeError, ValueError, AttributeError, KeyError, RecursionError):
                    raise DamagedJournal(_("store.files.unreadable_row", path=path, where=where,
                                           table=table)) from None
    finally:
        conn.text_factory = str


def _checks(today: dt.date) -> dict[str, Any]:
    """Table -> a check of one row (a dict of its columns) that raises InvalidInput."""
    import json

    from resilience_cli import validation
    from resilience_cli.store.migrations import MIGRATION_NAMES, MIGRATION_SET

    def checkin(values: dict) -> None:
        # A backup from before a migration lacks its columns: skipped answers.
        row = tuple(values.get(name) for name in COLUMNS)
        validation.checkin_from(from_row(row).to_dict(), today)

    def followup(values: dict) -> None:
        if values["skipped"] in (0, 1):
            values["skipped"] = bool(values["skipped"])
        validation.followup_from(values, today)

    def pack_answer(values: dict) -> None:
        validation.pack_answer_from({**values, "answers": json.loads(values["answers"])}, today)

    def summary(values: dict) -> None:
        validation.summary_from({**values, "requests": json.loads(values["requests"]),
                             "actions": json.loads(values["actions"])}, today)

    def safety(values: dict) -> None:
        validation.check_id(values["id"])
        validation.check_day("date", values["date"], today)
        validation.check_stamp("created_at", values["created_at"])
        if values["answer"] not in ("yes", "no", "prefer_not_to_say"):
            raise InvalidInput(_("store.files.bad_answer", value=repr(values["answer"])))

    def pack_safety(values: dict) -> None:
        validation.check_id(values["id"])
        validation.check_day("date", values["date"], today)
        validation.check_stamp("created_at", values["created_at"])
        if not isinstance(values["pack"], str) or not isinstance(values["question"], str):
            raise InvalidInput(_("store.files.pack_names"))
        if not isinstance(values["value"], int) or values["crisis"] not in (0, 1):
            raise InvalidInput(_("store.files.pack_value"))

    def silenced(values: dict) -> None:
        _rule(values["rule"])
        # A tip is quiet until a day to come: the one date here that is in the future.
        validation.check_day("until", values["until"], dt.date.max)

    def rest(values: dict) -> None:
        _rule(values["rule"])
        validation.check_day("shown_on", values["shown_on"], today)
        if isinstance(values["strength"], bool) or not isinstance(values["strength"], int):
            raise InvalidInput(_("store.files.bad_strength", value=repr(values["strength"])))

    def migration(values: dict) -> None:
        if values["migration_set"] != MIGRATION_SET or values["name"] not in MIGRATION_NAMES:
            raise InvalidInput(_("store.files.unknown_step"))
        applied = values["applied_at"]
        try:
            when = dt.datetime.fromisoformat(applied).date() if isinstance(applied, str) else None
        except ValueError:
            when = None
        # A day's grace: the clock here and the machine that made it may be in different zones.
        if when is None or when > today + dt.timedelta(days=1):
            raise InvalidInput(_("store.files.bad_applied_at", value=repr(applied)))

    def phonein_plan(values: dict) -> None:
        if values["fortnightly"] in (0, 1):
            values["fortnightly"] = bool(values["fortnightly"])
        validation.phonein_plan_from(values, today)

    def phonein_prep(values: dict) -> None:
        validation.check_id(values["id"])
        validation.check_day("date", values["date"], today)
        validation.check_stamp("created_at", values["created_at"])
        validation.check_stamp("updated_at", values["updated_at"])
        if values["bring"] is not None and not isinstance(values["bring"], str):
            raise InvalidInput(_("store.files.bring_text"))

    def pulse_read(values: dict) -> None:
        if not isinstance(values["digest"], str) or not re.fullmatch(r"[0-9a-f]{64}", values["digest"]):
            raise InvalidInput(_("store.files.bad_digest"))
        if values["kind"] not in ("report", "response"):
            raise InvalidInput(_("store.files.bad_kind", value=repr(values["kind"])))
        if not isinstance(values["weeks"], str) or not isinstance(values["headline"], str):
            raise InvalidInput(_("store.files.pulse_text"))
        validation.check_stamp("read_at", values["read_at"])

    return {"checkins": checkin, "followups": followup,
            "reflections": lambda values: validation.reflection_from(values, today),
            "pack_answers": pack_answer, "summaries": summary, "safety_answers": safety,
            "pack_safety_answers": pack_safety, "silenced_rules": silenced, "rule_rests": rest,
            "colleague_checks": lambda values: validation.colleague_check_from(values, today),
            "phoneins": lambda values: validation.phonein_from(values, today),
            "phonein_plan": phonein_plan, "phonein_preps": phonein_prep, "pulse_reads": pulse_read,
            "_sqlite_migrations": migration}


def _rule(rule: Any) -> None:
    if not isinstance(rule, str) or not re.fullmatch(r"R[0-9]{1,3}", rule):
        raise InvalidInput(_("store.files.bad_rule", value=repr(rule)))


def replace_journal(journal: Path, prepared: Path, passphrase: str | None = None) -> None:
    """Move `prepared` (a private copy made by `private_copy` and checked) over the
    journal, atomically: what is installed is byte for byte what was checked.

    The caller has already kept a copy of the current journal. The old
    write-ahead log goes too: left behind, SQLite would replay it into the
    restored file.
    """
    from resilience_cli.store import JournalStore

    if journal.exists():
        current = JournalStore.open(journal, create=False, passphrase=passphrase)
        if current is not None:
            current.checkpoint()
            current.close()
    try:
        put_in_place(prepared, journal)
    except OSError as exc:
        with contextlib.suppress(OSError):
            prepared.unlink()
        raise JournalProblem(_("store.files.replace_failed", reason=exc.strerror)) from None
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
