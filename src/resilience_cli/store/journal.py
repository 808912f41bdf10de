"""JournalStore: the only owner of the journal database.

Opening a store checks that the file is a sound resilience journal before
anything is written, applies pending migrations, and maps rows to CheckIn
records. Every write is one short transaction. The other records the journal
keeps have a small repository each, attached to the store (see store.repository).

Everyday reads and single check-in writes go through the stdlib sqlite3
connection directly; sqlite-utils (which that connection also serves) runs the
schema history, because importing it costs about 0.15 s of start-up that a
shell-prompt `resilience status` should not pay on every run.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from resilience_cli.config import ensure_private_dir
from resilience_cli.errors import (
    DamagedJournal,
    InvalidInput,
    JournalProblem,
    NewerJournal,
)
from resilience_cli.files import create_private_file, new_partial, put_in_place
from resilience_cli.messages import _
from resilience_cli.model import Answers, CheckIn
from resilience_cli.store.migrations import MIGRATION_NAMES, MIGRATION_SET
from resilience_cli.store.rows import COLUMNS, from_row, to_row, utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    from resilience_cli.followups import FollowUp
    from resilience_cli.packs import PackAnswer
    from resilience_cli.reflection import Reflection
    from resilience_cli.store.bulk import Report
    from resilience_cli.store.colleagues import Colleagues
    from resilience_cli.store.followups import FollowUps
    from resilience_cli.store.pack_answers import PackAnswers
    from resilience_cli.store.phoneins import PhoneIns
    from resilience_cli.store.pulse import PulseReads
    from resilience_cli.store.reflections import Reflections
    from resilience_cli.store.safety import SafetyAnswers
    from resilience_cli.store.summaries import Summaries
    from resilience_cli.store.tips import Tips
    from resilience_cli.validation import Batch

# How long a writer waits for another process's transaction to finish.
BUSY_TIMEOUT_MS = 5000


class JournalStore:
    """A journal database, opened and checked. Use `JournalStore.open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, driver: Any = sqlite3):
        self.conn = conn
        self.path = path
        self.read_only = False
        # The file this connection has open: encrypt, decrypt and restore put
        # a new file in its place, and a write must never go to the old one.
        self.inode = _inode(path)
        # sqlite3, or SQLCipher's module for an encrypted journal: each has its
        # own exception classes.
        self.driver = driver
        # Whether a write-ahead log was beside the file before this opened it (see
        # store.soundness), and the day of the last full check this connection can
        # vouch for (None: not vouched for, so a write checks the whole file first).
        self.was_left_open = False
        self.sound_since: dt.date | None = None
        self.scanned = False

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, create: bool, passphrase: str | None = None,
             through_cipher: bool = False) -> JournalStore | None:
        """Open the journal at `path`.

        With create=False (read-only commands) a missing journal gives None and
        nothing is created. A damaged file, another program's database or one
        written by a newer version raises, and the file is left untouched.
        `through_cipher`: open even a plain journal with SQLCipher's library, for a
        conversion whose other connection is SQLCipher's (see encryption._convert).
        """
        from resilience_cli.config import refuse_shared_folder

        refuse_shared_folder(path.parent)
        if not path.exists():
            if not create:
                return None
            ensure_private_dir(path.parent)
            create_private_file(path, "store.journal.what")
        elif not path.is_file():
            # A FIFO there made every command, status included, wait for ever.
            raise JournalProblem(_("store.journal.not_a_file", path=path, variable="RESILIENCE_HOME"))
        db = _driver(path, passphrase)
        if through_cipher:
            from resilience_cli.store import cipher

            db = cipher.driver()
        from resilience_cli.store.soundness import left_open

        was_left_open = left_open(path)
        # A journal on a read-only copy (a backup disc, a locked-down share) can
        # still be read and exported: reads open it read-only.
        folder_writable = os.access(path.parent, os.W_OK)
        read_only = not create and not (folder_writable and os.access(path, os.W_OK))
        # Where the folder cannot be written either, immutable: WAL would
        # otherwise need its side files there.
        conn = _connect(db, path, "rw" if not read_only else "ro" if folder_writable else "ro&immutable=1")
        store = cls(conn, path, db)
        store.read_only = read_only
        store.was_left_open = was_left_open
        try:
            if passphrase is not None:
                from resilience_cli.store.cipher import unlock

                unlock(conn, passphrase)
                store.check_passphrase()
            state = store.schema_state()
            if not read_only:
                store._sweep()
            if state == "empty" and not create:
                # An empty file left by an interrupted first run: nothing to read.
                conn.close()
                return None
            if read_only and state == "behind":
                raise JournalProblem(_("store.journal.older_read_only", path=path, folder=path.parent,
                                       variable="RESILIENCE_HOME"))
            if state == "behind":
                store.check_integrity()  # a schema update rewrites tables: never on a damaged file
            if create or state == "behind":
                store.prepare_for_writing()
            if state != "current":
                store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def check_passphrase(self) -> None:
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # not a message: SQL
        except self.driver.DatabaseError:
            raise InvalidInput(_("store.journal.wrong_passphrase", path=self.path)) from None

    def schema_state(self) -> str:
        """Refuse anything but a journal we know: 'empty', 'behind' or 'current'."""
        with self.guard():
            self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # not a message: SQL
            tables = {
                name for (name,) in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"  # not a message: SQL
                )
            }
        if not tables:
            return "empty"
        if "_sqlite_migrations" not in tables:
            raise DamagedJournal(_("store.journal.not_a_journal", path=self.path, variable="RESILIENCE_HOME"))
        with self.guard():
            applied = [
                name for (name,) in self.conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",  # not a message: SQL
                    (MIGRATION_SET,),
                )
            ]
        if not applied:
            raise DamagedJournal(_("store.journal.not_a_journal", path=self.path, variable="RESILIENCE_HOME"))
        unknown = set(applied) - set(MIGRATION_NAMES)
        if unknown:
            raise NewerJournal(_("store.journal.newer", path=self.path))
        return "behind" if len(applied) < len(MIGRATION_NAMES) else "current"

    def _migrate(self) -> None:
        from sqlite_utils import Database

        from resilience_cli.store.migrations import build

        db = Database(self.conn)
        with self.guard():
            # IMMEDIATE takes the write lock first, so two processes opening a
            # new journal at once cannot both run the same migration.
            self.conn.execute("BEGIN IMMEDIATE")  # not a message: SQL
            try:
                build().apply(db)
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def check_integrity(self) -> None:
        """Raise DamagedJournal unless SQLite finds the whole file sound."""
        with self.guard():
            result = self.conn.execute("PRAGMA quick_check").fetchone()[0]  # not a message: SQL
        if result != "ok":
            raise self._damaged()
        from resilience_cli import clock

        self.sound_since = clock.today()
        self.scanned = True

    def replaced(self) -> bool:
        """Whether another file now stands at this journal's path (encrypt, decrypt
        and restore put a new one in its place)."""
        return self.inode is not None and _inode(self.path) != self.inode

    def prepare_for_writing(self) -> None:
        """Before the first write: a damaged file is never written to, and the
        journal is in WAL mode. Opening with create=True does this; a command that
        opened to read first (an interactive check-in) does it before saving.

        The whole file is checked unless it is exactly as resilience last left it,
        closed cleanly and checked within the week (store.soundness)."""
        if self.sound_since is None:
            from resilience_cli import clock
            from resilience_cli.store.soundness import vouched

            self.sound_since = vouched(self.path, clock.today(), was_left_open=self.was_left_open)
            if self.sound_since is None:
                self.check_integrity()
        with self.guard():
            self.conn.execute("PRAGMA journal_mode=WAL")  # not a message: SQL

    def close(self) -> None:
        self.conn.close()
        if self.sound_since is not None and not self.read_only and not self.replaced():
            from resilience_cli.store.soundness import record

            record(self.path, self.sound_since)

    def __enter__(self) -> JournalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- errors ------------------------------------------------------------

    def _damaged(self) -> DamagedJournal:
        self.sound_since = None  # never stamped as sound
        return DamagedJournal(_("store.journal.damaged", path=self.path))

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn SQLite's errors into ours, with a sentence about what to do."""
        try:
            yield
        except self.driver.IntegrityError:
            raise
        except self.driver.DatabaseError as exc:
            raise self._problem(exc) from None

    def _problem(self, exc: Exception) -> JournalProblem:
        code = getattr(exc, "sqlite_errorname", "")
        if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return JournalProblem(_("store.journal.busy"))
        if code == "SQLITE_FULL":
            return JournalProblem(_("store.journal.disk_full", path=self.path))
        if code.startswith("SQLITE_READONLY"):
            return JournalProblem(_("store.journal.read_only", path=self.path))
        if code.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY")) and not os.access(self.path.parent, os.W_OK):
            # Writing needs files beside the journal (its -wal), so its folder must be writable.
            return JournalProblem(_("store.journal.folder_read_only", folder=self.path.parent))
        if code.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")):
            return JournalProblem(_("store.journal.io_error", path=self.path, reason=exc))
        return self._damaged()

    def _sweep(self) -> None:
        """Remove what an interrupted encrypt, decrypt or restore left beside the journal
        (a plaintext copy, after an interrupted decrypt) once no conversion is running:
        a conversion holds the journal's write lock for as long as it runs."""
        stale = self.stale_copies()
        if not stale:
            return
        try:
            self.conn.execute("PRAGMA busy_timeout = 0")  # not a message: SQL
            self.conn.execute("BEGIN IMMEDIATE")  # not a message: SQL
        except self.driver.Error:
            return  # a conversion is under way: its files are not stale
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # not a message: SQL
        try:
            for leftover in stale:
                with suppress(OSError):
                    leftover.unlink()
        finally:
            self.conn.execute("ROLLBACK")

    def stale_copies(self) -> list[Path]:
        """Copies of the journal an interrupted conversion left (for `privacy`)."""
        import time

        name = self.path.name
        found = [p for pattern in (f".{name}.converting", f".{name}.partial", f".{name}.*.converting")
                 for p in self.path.parent.glob(pattern) if p.is_file()]
        # A restore's private copy is checked and installed without the journal's lock
        # (it asks first): only one an hour old is surely left by a restore that was killed.
        hour_ago = time.time() - 3600
        found += [p for p in self.path.parent.glob(".restore.*.checking")
                  if p.is_file() and p.stat().st_mtime < hour_ago]
        return sorted(found)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it."""
        with self.guard():
            self.conn.execute("BEGIN IMMEDIATE")  # not a message: SQL
            if self.replaced():
                # The journal was replaced while this command waited for the lock.
                self.conn.execute("ROLLBACK")
                raise JournalProblem(_("store.journal.replaced_while_waiting"))
            try:
                yield self.conn
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk).
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # -- the other records: a repository each, made (and its module imported) when first used

    @cached_property
    def safety_answers(self) -> SafetyAnswers:
        from resilience_cli.store.safety import SafetyAnswers

        return SafetyAnswers(self)

    @cached_property
    def followups(self) -> FollowUps:
        from resilience_cli.store.followups import FollowUps

        return FollowUps(self)

    @cached_property
    def reflections(self) -> Reflections:
        from resilience_cli.store.reflections import Reflections

        return Reflections(self)

    @cached_property
    def tips(self) -> Tips:
        from resilience_cli.store.tips import Tips

        return Tips(self)

    @cached_property
    def pack_answers(self) -> PackAnswers:
        from resilience_cli.store.pack_answers import PackAnswers

        return PackAnswers(self)

    @cached_property
    def summaries(self) -> Summaries:
        from resilience_cli.store.summaries import Summaries

        return Summaries(self)

    @cached_property
    def phoneins(self) -> PhoneIns:
        from resilience_cli.store.phoneins import PhoneIns

        return PhoneIns(self)

    @cached_property
    def colleagues(self) -> Colleagues:
        from resilience_cli.store.colleagues import Colleagues

        return Colleagues(self)

    @cached_property
    def pulse_reads(self) -> PulseReads:
        from resilience_cli.store.pulse import PulseReads

        return PulseReads(self)

    # -- check-ins ---------------------------------------------------------

    def get(self, day: dt.date) -> CheckIn | None:
        with self.guard():
            row = self.conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM checkins WHERE date = ?",  # not a message: SQL
                (day.isoformat(),),
            ).fetchone()
        return from_row(row) if row else None

    def has(self, day: dt.date) -> bool:
        with self.guard():
            row = self.conn.execute(
                "SELECT 1 FROM checkins WHERE date = ?", (day.isoformat(),)  # not a message: SQL
            ).fetchone()
        return row is not None

    def between(self, start: dt.date, end: dt.date) -> list[CheckIn]:
        """Check-ins from start to end inclusive, oldest first."""
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM checkins "
                "WHERE date BETWEEN ? AND ? ORDER BY date",  # not a message: SQL
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        return [from_row(row) for row in rows]

    def count(self) -> int:
        with self.guard():
            return self.conn.execute("SELECT count(*) FROM checkins").fetchone()[0]  # not a message: SQL

    def save(
        self, day: dt.date, answers: Answers | Mapping[str, Any], *, now: str | None = None,
        safety_answer: str | None = None, followup: FollowUp | None = None,
    ) -> tuple[CheckIn, bool]:
        """Check in for a duty day, or amend it. Returns (record, created).

        `answers` must already be validated (a dict with markers is read as
        `Answers.of` reads it). Amending keeps the id and the
        answers not given; the read and the write are one transaction, so a
        second process amending the same day cannot lose either's answers.
        A safety answer and a follow-up given in the same check-in are saved
        in the same transaction: all of it, or none of it.
        """
        stamp = now or utc_now()
        answers = Answers.of(answers)
        with self.transaction() as conn:
            if safety_answer is not None:
                self.safety_answers.put(day, safety_answer, stamp)
            if followup is not None:
                self.followups.put(replace(followup, created_at=stamp, updated_at=stamp))
            row = conn.execute(
                f"SELECT {', '.join(COLUMNS)} FROM checkins WHERE date = ?",  # not a message: SQL
                (day.isoformat(),),
            ).fetchone()
            if row is None:
                import uuid

                record = CheckIn(
                    id=str(uuid.uuid4()), date=day.isoformat(),
                    created_at=stamp, updated_at=stamp, **answers.given,
                )
                _insert(conn, record)
                return record, True
            record = from_row(row).amended(answers, stamp)
            values = to_row(record)
            assignments = ", ".join(f"{c} = ?" for c in COLUMNS[2:])
            conn.execute(
                f"UPDATE checkins SET {assignments} WHERE id = ?",  # not a message: SQL
                [values[c] for c in COLUMNS[2:]] + [record.id],
            )
            return record, False

    # -- everything at once: export, import, backup --------------------------

    def everything(self) -> tuple[list[CheckIn], list[FollowUp], list[Reflection], list[PackAnswer]]:
        """Every record but the safety answers, which never leave the journal."""
        return (self.between(dt.date.min, dt.date.max), self.followups.since(dt.date.min),
                self.reflections.since(dt.date.min), self.pack_answers.since(dt.date.min))

    def counts(self) -> dict[str, int]:
        with self.guard():
            # A backup from an older version may lack the newer tables.
            present = {name for (name,) in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}  # not a message: SQL
            return {
                table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # not a message: SQL
                if table in present else 0
                for table in ("checkins", "followups", "reflections", "safety_answers", "pack_answers",
                              "pack_safety_answers", "colleague_checks", "summaries", "phoneins",
                              "phonein_plan", "phonein_preps", "pulse_reads")
            }

    def applied_migrations(self) -> list[str]:
        with self.guard():
            return [name for (name,) in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",  # not a message: SQL
                (MIGRATION_SET,))]

    def import_batch(self, batch: Batch, *, prefer: str | None = None, dry_run: bool = False) -> Report:
        """Add a validated batch in one transaction (see store.bulk); all of it or none."""
        from resilience_cli.store.bulk import DryRun, import_batch

        if not self.scanned:
            self.check_integrity()  # many rows at once: the whole file is checked first
        try:
            return import_batch(self, batch, prefer=prefer, dry_run=dry_run)
        except DryRun as done:
            return done.report

    def backup_to(self, dest: Path, *, without_safety: bool = False, passphrase: str | None = None) -> None:
        """A consistent copy of the journal, even while another process writes to it.

        Written beside `dest` first and moved into place, so `dest` is either
        absent or complete; mode 0600 like the journal.
        """
        if dest.exists() or dest.is_symlink():
            raise JournalProblem(_("store.journal.backup_exists", path=dest))
        # Created exclusively under a name nobody can guess: in a folder others can
        # write to, a fixed name could be planted as a link to their own file, which
        # would then receive the whole journal.
        partial = new_partial(dest, ".partial")
        try:
            with self.guard():
                self._snapshot(partial)
            if without_safety:
                _drop_safety(partial, passphrase, self.driver)
            put_in_place(partial, dest)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

    def _snapshot(self, dest: Path) -> None:
        self.conn.execute("VACUUM INTO ?", (str(dest),))  # not a message: SQL

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before the file is replaced)."""
        with self.guard():
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # not a message: SQL

    def insert_many(self, records: Iterable[CheckIn]) -> int:
        """Add many new check-ins in one transaction: all of them or none."""
        count = 0
        with self.transaction() as conn:
            for record in records:
                _insert(conn, record)
                count += 1
        return count

    def delete(self, day: dt.date) -> bool:
        """Delete a day's check-in and, in the same transaction, that day's safety answers."""
        with self.transaction() as conn:
            cursor = conn.execute("DELETE FROM checkins WHERE date = ?", (day.isoformat(),))  # not a message: SQL
            deleted = cursor.rowcount > 0
            if deleted:
                self.safety_answers.forget_on(day)
            return deleted


def _drop_safety(copy: Path, passphrase: str | None, driver: Any) -> None:
    """Take every safety answer out of a backup copy, leaving no trace in its free pages."""
    conn = driver.connect(str(copy), isolation_level=None)
    try:
        if passphrase is not None:
            from resilience_cli.store.cipher import unlock

            unlock(conn, passphrase)
        conn.execute("PRAGMA secure_delete = ON")  # not a message: SQL
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}  # not a message: SQL
        for table in ("safety_answers", "pack_safety_answers"):
            if table in tables:
                conn.execute(f"DELETE FROM {table}")  # not a message: SQL
        conn.execute("VACUUM")
    finally:
        conn.close()


def _driver(path: Path, passphrase: str | None) -> Any:
    """sqlite3, or SQLCipher's module when there is a passphrase; an encrypted file
    without one is refused here, with how to install the extra when it is missing."""
    from resilience_cli.store import cipher

    if passphrase is not None:
        return cipher.driver()
    if cipher.looks_encrypted(path):
        raise JournalProblem(
            _("store.journal.needs_passphrase", path=path)
            + ("" if cipher.available() else " " + cipher.install_hint())
        )
    return sqlite3


def _connect(db: Any, path: Path, mode: str) -> sqlite3.Connection:
    """A connection in autocommit mode, opened in SQLite's URI `mode`."""
    try:
        return db.connect(
            f"file:{quote(str(path))}?mode={mode}",
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
        )
    except db.Error as exc:
        raise JournalProblem(_("store.journal.cannot_open", path=path, reason=exc)) from None


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


def _insert(conn: sqlite3.Connection, record: CheckIn) -> None:
    insert_row(conn, "checkins", to_row(record))

