"""Journal files as files: checking a backup without touching it, swapping one in."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from resilience_cli.config import ensure_private_dir
from resilience_cli.errors import DamagedJournal, JournalProblem


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by the user alone (unless another process just did)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise JournalProblem(
            f"The journal could not be created at {path} ({exc.strerror}). "
            "Check that the folder is yours and the disk has space."
        ) from None
    os.close(fd)


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
            probe._check_passphrase()
        if probe._check() == "empty":
            raise DamagedJournal(f"The file at {path} is not a resilience journal. Nothing was changed.")
        with probe._guard():
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise DamagedJournal(f"The file at {path} is damaged. Nothing was changed.")
        return probe.counts() if "safety_answers" in _tables(conn) else {
            "checkins": conn.execute("SELECT count(*) FROM checkins").fetchone()[0]}
    finally:
        conn.close()


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
        os.chmod(partial, 0o600)
        _fsync(partial)
        os.replace(partial, journal)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise JournalProblem(
            f"The journal could not be replaced ({exc.strerror}). Your journal is as it was."
        ) from None
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
