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
from resilience_cli.store.rows import COLUMNS, from_row


def private_copy(source: Path, folder: Path, passphrase: str | None = None) -> Path:
    """A copy of the backup at `source`, its write-ahead log folded in, in a new file of
    `folder` that only this process knows the name of.

    Checking `source` and then copying it once installed what SQLite had not
    read: the main file alone, without the `-wal` beside it that had dropped a
    trigger from it, or held its latest check-ins. What is checked and then
    installed is this copy, and nothing else.
    """
    if not source.is_file():
        raise JournalProblem(f"There is no file at {source}. Nothing was changed.")
    db: Any = sqlite3
    if passphrase is not None:
        from resilience_cli.store import cipher

        db = cipher.driver()
    ensure_private_dir(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=".restore.", suffix=".checking", dir=folder)
    except OSError as exc:
        raise JournalProblem(f"The backup could not be copied into {folder} ({exc.strerror}). "
                             "Nothing was changed.") from None
    os.close(fd)
    copy = Path(name)
    try:
        try:
            conn = db.connect(f"file:{quote(str(source))}?mode=ro", uri=True, isolation_level=None)
        except db.Error:
            raise JournalProblem(f"{source} could not be opened. Nothing was changed.") from None
        try:
            if passphrase is not None:
                from resilience_cli.store.cipher import unlock

                unlock(conn, passphrase)
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except db.DatabaseError:
                    raise InvalidInput(f"That passphrase does not open the backup at {source}. "
                                       "Nothing was changed.") from None
            # VACUUM INTO reads what SQLite sees (the main file and its -wal) and
            # writes one self-contained file, into the empty one made above.
            conn.execute("VACUUM INTO ?", (str(copy),))
        except db.DatabaseError:
            raise DamagedJournal(f"{source} is not a resilience backup: choose a file made by "
                                 "resilience backup. Nothing was changed.") from None
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
        raise JournalProblem(f"There is no file at {shown}. Nothing was changed.")
    db: Any = sqlite3
    if passphrase is not None:
        from resilience_cli.store import cipher

        db = cipher.driver()
    try:
        # Immutable: a private copy nobody writes; it must gain no side files.
        conn = db.connect(f"file:{quote(str(path))}?mode=ro&immutable=1", uri=True, isolation_level=None)
    except db.Error:
        raise JournalProblem(f"{shown} could not be opened. Nothing was changed.") from None
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
            raise DamagedJournal(f"{shown} is not a resilience backup: choose a file made by "
                                 "resilience backup. Nothing was changed.")
        with probe.guard():
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise DamagedJournal(f"The backup at {shown} is damaged. Nothing was changed.")
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
            memory.execute("SELECT type, name, sql FROM sqlite_master").fetchall()}


def _only_our_schema(conn: Any, path: Path, applied: list[str]) -> None:
    """Exactly the tables, indexes and columns our migrations create: no trigger, view or
    table of anyone else's (a backup with `AFTER INSERT ON checkins ... DELETE` once
    restored cleanly, and every later check-in said "Saved" and vanished), and none
    missing (a backup without safety_answers restored, and then every check-in said
    the journal was damaged)."""
    from resilience_cli.store.migrations import MIGRATION_NAMES

    if applied != list(MIGRATION_NAMES[:len(applied)]):
        raise DamagedJournal(f"The backup at {path} has a schema history resilience did not write. "
                             "Nothing was changed.")
    found = {(kind, name, _normal(sql)) for kind, name, sql in
             conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()}
    expected = _expected_schema(applied)
    strange = sorted(found - expected, key=lambda item: (item[0], item[1]))
    if strange:
        kind, name, _ = strange[0]
        raise DamagedJournal(f"The backup at {path} holds a {kind} called {name} that resilience "
                             "never makes, so it was not restored. Nothing was changed.")
    missing = sorted(expected - found, key=lambda item: (item[0] != "table", item[1]))
    if missing:
        kind, name, _ = missing[0]
        raise DamagedJournal(f"The backup at {path} has no {kind} called {name}, which every resilience "
                             "journal has, so it was not restored. Nothing was changed.")


# What names a row in a refusal, table by table: the field a person would know it by.
_ROW_KEY = {"reflections": "week", "summaries": "period_from", "silenced_rules": "rule",
            "rule_rests": "rule", "_sqlite_migrations": "name", "colleague_checks": "incident_date",
            "phonein_plan": "weekday", "pulse_reads": "weeks"}
_NOUN = {"checkins": "check-in", "followups": "follow-up", "reflections": "reflection",
         "safety_answers": "safety answer", "pack_answers": "pack answer",
         "pack_safety_answers": "pack safety answer", "summaries": "summary",
         "silenced_rules": "silenced tip", "rule_rests": "resting support box",
         "_sqlite_migrations": "schema history entry", "colleague_checks": "colleague reminder",
         "phoneins": "phone-in takeaway", "phonein_plan": "phone-in plan", "phonein_preps": "phone-in note",
         "pulse_reads": "team pulse read"}


def _every_row_valid(conn: Any, path: Path, today: dt.date) -> None:
    """Every row of every table, ours and the schema history, through the same checks an
    import makes (dates included: none in the future); the first bad one is named."""
    checks = _checks(today)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    # Text is decoded here, not by the driver: a note that is not UTF-8 is then
    # a bad row that can be named, not an error from deep inside SQLite.
    conn.text_factory = bytes
    try:
        for table in tables:
            check = checks.get(table)
            if check is None:  # the schema check has already refused any other table
                continue
            names = [row[1].decode() for row in conn.execute(f'PRAGMA table_info("{table}")')]
            for row in conn.execute(f'SELECT {", ".join(names)} FROM "{table}" ORDER BY rowid'):
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
                where = f"the {_NOUN[table]} for {key}" if key is not None else f"a row of {table}"
                try:
                    if unreadable:
                        raise InvalidInput(f"{unreadable} is not text resilience can read (not UTF-8)")
                    check(values)
                except InvalidInput as exc:
                    raise DamagedJournal(f"The backup at {path} was not restored: in {where} (table {table}), "
                                         f"{exc.message.rstrip('.')}. Nothing was changed.") from None
                except (TypeError, ValueError, AttributeError, KeyError, RecursionError):
                    raise DamagedJournal(f"The backup at {path} was not restored: {where} (table {table}) "
                                         "cannot be read. Nothing was changed.") from None
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
            raise InvalidInput(f"answer: {values['answer']!r} is not an answer resilience gives")

    def pack_safety(values: dict) -> None:
        validation.check_id(values["id"])
        validation.check_day("date", values["date"], today)
        validation.check_stamp("created_at", values["created_at"])
        if not isinstance(values["pack"], str) or not isinstance(values["question"], str):
            raise InvalidInput("pack and question must be names")
        if not isinstance(values["value"], int) or values["crisis"] not in (0, 1):
            raise InvalidInput("value must be a whole number and crisis 0 or 1")

    def silenced(values: dict) -> None:
        _rule(values["rule"])
        # A tip is quiet until a day to come: the one date here that is in the future.
        validation.check_day("until", values["until"], dt.date.max)

    def rest(values: dict) -> None:
        _rule(values["rule"])
        validation.check_day("shown_on", values["shown_on"], today)
        if isinstance(values["strength"], bool) or not isinstance(values["strength"], int):
            raise InvalidInput(f"strength: {values['strength']!r} is not a whole number")

    def migration(values: dict) -> None:
        if values["migration_set"] != MIGRATION_SET or values["name"] not in MIGRATION_NAMES:
            raise InvalidInput("it is not a step resilience takes")
        applied = values["applied_at"]
        try:
            when = dt.datetime.fromisoformat(applied).date() if isinstance(applied, str) else None
        except ValueError:
            when = None
        # A day's grace: the clock here and the machine that made it may be in different zones.
        if when is None or when > today + dt.timedelta(days=1):
            raise InvalidInput(f"applied_at: {applied!r} is not a time in the past")

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
            raise InvalidInput("bring must be text")

    def pulse_read(values: dict) -> None:
        if not isinstance(values["digest"], str) or not re.fullmatch(r"[0-9a-f]{64}", values["digest"]):
            raise InvalidInput("digest must be a SHA-256 in hex")
        if values["kind"] not in ("report", "response"):
            raise InvalidInput(f"kind: {values['kind']!r} is not report or response")
        if not isinstance(values["weeks"], str) or not isinstance(values["headline"], str):
            raise InvalidInput("weeks and headline must be text")
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
        raise InvalidInput(f"rule: {rule!r} is not a tip rule such as R16")


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
        raise JournalProblem(
            f"The journal could not be replaced ({exc.strerror}). Your journal is as it was."
        ) from None
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
