"""Journal files as files: checking a backup without touching it, swapping one in."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from resilience_cli.config import ensure_private_dir
from resilience_cli.errors import DamagedJournal, JournalProblem
from resilience_cli.files import put_in_place
from resilience_cli.store.rows import COLUMNS, from_row


def inspect_file(path: Path, passphrase: str | None = None) -> dict[str, int]:
    """Check, without changing it, that a file is a sound journal we can read.

    Returns its record counts; raises with a plain message otherwise.
    """
    if not path.is_file():
        raise JournalProblem(f"There is no file at {path}. Nothing was changed.")
    db: Any = sqlite3
    if passphrase is not None:
        from resilience_cli.store import cipher

        db = cipher.driver()
    try:
        conn = db.connect(f"file:{quote(str(path))}?mode=ro", uri=True, isolation_level=None)
    except db.Error:
        raise JournalProblem(f"{path} could not be opened. Nothing was changed.") from None
    from resilience_cli.store import JournalStore

    probe = JournalStore(conn, path, db)
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
            raise DamagedJournal(f"{path} is not a resilience backup: choose a file made by "
                                 "resilience backup. Nothing was changed.")
        with probe.guard():
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise DamagedJournal(f"The backup at {path} is damaged. Nothing was changed.")
        applied = probe.applied_migrations()
        _only_our_schema(conn, path, applied)
        _every_row_valid(probe, path)
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
    """Only the tables, indexes and columns our migrations create: no trigger, view or
    table of anyone else's. A backup with `AFTER INSERT ON checkins ... DELETE` once
    restored cleanly, and every later check-in said "Saved" and vanished."""
    from resilience_cli.store.migrations import MIGRATION_NAMES

    if applied != list(MIGRATION_NAMES[:len(applied)]):
        raise DamagedJournal(f"The backup at {path} has a schema history resilience did not write. "
                             "Nothing was changed.")
    found = {(kind, name, _normal(sql)) for kind, name, sql in
             conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()}
    strange = sorted(found - _expected_schema(applied), key=lambda item: (item[0], item[1]))
    if strange:
        kind, name, _ = strange[0]
        raise DamagedJournal(f"The backup at {path} holds a {kind} called {name} that resilience "
                             "never makes, so it was not restored. Nothing was changed.")


def _every_row_valid(probe: Any, path: Path) -> None:
    """Every record through the same checks an import makes; the first bad one is named."""
    import datetime as dt
    import json

    from resilience_cli.errors import InvalidInput
    from resilience_cli.interchange import reader

    far = dt.date.max

    def followup(values: dict) -> None:
        if values["skipped"] in (0, 1):
            values["skipped"] = bool(values["skipped"])
        reader.followup_from(values, far)

    def pack_answer(values: dict) -> None:
        reader.pack_answer_from({**values, "answers": json.loads(values["answers"])}, far)

    def summary(values: dict) -> None:
        reader.summary_from({**values, "requests": json.loads(values["requests"]),
                             "actions": json.loads(values["actions"])}, far)

    def safety(values: dict) -> None:
        if values.get("answer", "yes") not in ("yes", "no", "prefer_not_to_say") or values.get("crisis", 0) not in (0, 1):
            raise InvalidInput("an answer resilience does not give")

    checks = {"checkins": lambda values: reader.checkin_from(from_row(tuple(values.values())).to_dict(), far),
              "followups": followup, "reflections": lambda values: reader.reflection_from(values, far),
              "pack_answers": pack_answer, "summaries": summary, "safety_answers": safety,
              "pack_safety_answers": safety}
    present = {name for (name,) in probe.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, check in checks.items():
        if table not in present:
            continue
        names = COLUMNS if table == "checkins" else [row[1] for row in probe.conn.execute(
            f"PRAGMA table_info({table})")]
        for row in probe.conn.execute(f"SELECT {', '.join(names)} FROM {table}"):
            values = dict(zip(names, row, strict=True))
            where = f"the {table[:-1].replace('_', ' ')} for {values.get('date') or values.get('week') or values.get('period_from')}"
            try:
                check(values)
            except InvalidInput as exc:
                raise DamagedJournal(f"The backup at {path} was not restored: in {where}, "
                                     f"{exc.message.rstrip('.')}. Nothing was changed.") from None
            except (TypeError, ValueError, AttributeError, KeyError):
                raise DamagedJournal(f"The backup at {path} was not restored: {where} cannot be read. "
                                     "Nothing was changed.") from None


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def replace_journal(journal: Path, source: Path, passphrase: str | None = None) -> None:
    """Put a copy of `source` in place of the journal, atomically.

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
    ensure_private_dir(journal.parent)
    partial = journal.with_name(f".{journal.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        import shutil

        shutil.copyfile(source, partial)
        put_in_place(partial, journal)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise JournalProblem(
            f"The journal could not be replaced ({exc.strerror}). Your journal is as it was."
        ) from None
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
