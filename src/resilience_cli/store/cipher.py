"""Encryption at rest with SQLCipher (the optional `encryption` extra).

An encrypted journal is the same SQLite schema inside an SQLCipher file: the
store opens it with the passphrase and everything else works unchanged.
Converting is done into a new file beside the journal, checked, and moved
into place, so a failure part-way leaves the journal as it was. A lost
passphrase cannot be recovered: there is no back door.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import ModuleType

from resilience_cli.errors import InvalidInput, JournalProblem

SQLITE_HEADER = b"SQLite format 3\x00"
INSTALL_HINT = "Install it with: pip install 'resilience-checkin[encryption]'"


def driver() -> ModuleType:
    """SQLCipher's DB-API module, or a clear error saying how to install it."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise JournalProblem(
            f"Encryption needs the optional SQLCipher library, which is not installed. {INSTALL_HINT}"
        ) from None
    return dbapi2


def available() -> bool:
    try:
        driver()
    except JournalProblem:
        return False
    return True


def looks_encrypted(path: Path) -> bool:
    """A non-empty file in whole pages without SQLite's plain-text header."""
    if not path.is_file():
        return False  # never open a FIFO or a device to look: it could wait for ever
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return False
    return size > 0 and size % 512 == 0 and header != SQLITE_HEADER


def literal(passphrase: str) -> str:
    """The passphrase as an SQL string literal (PRAGMA key takes no parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def unlock(conn, passphrase: str) -> None:  # noqa: ANN001 - an SQLCipher connection
    # SQLCipher logs failed decryption to standard error; a wrong passphrase is
    # reported by us, in one sentence.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {literal(passphrase)}")


def _convert(journal: Path, *, key_in: str | None, key_out: str) -> None:
    """Write the journal into a new file with another key ('' is plain), then swap it in."""
    from resilience_cli.files import put_in_place
    from resilience_cli.store import JournalStore

    sc = driver()
    current = JournalStore.open(journal, create=False, passphrase=key_in)
    if current is None:
        raise JournalProblem("There is no journal yet. Nothing was changed.")
    current.checkpoint()
    # The journal's write lock, held for the whole conversion: a check-in run
    # meanwhile waits, and then finds the journal replaced and saves nothing,
    # rather than saying "Saved" into the old file.
    with current._guard():
        current.conn.execute("BEGIN IMMEDIATE")
    partial = journal.with_name(f".{journal.name}.converting")
    try:
        before = current.counts()
        partial.unlink(missing_ok=True)
        conn = sc.connect(str(journal), isolation_level=None)
        try:
            if key_in is not None:
                unlock(conn, key_in)
            conn.execute(f"ATTACH DATABASE ? AS converted KEY {literal(key_out)}", (str(partial),))
            conn.execute("SELECT sqlcipher_export('converted')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
            conn.execute("DETACH DATABASE converted")
        except sc.Error as exc:
            raise JournalProblem(f"The journal could not be converted ({exc}). Nothing was changed.") from None
        finally:
            conn.close()
        check = JournalStore.open(partial, create=False, passphrase=key_out or None)
        if check is None:
            raise JournalProblem("The converted journal could not be read. Nothing was changed.")
        with check:
            check.check_integrity()
            after = check.counts()
        if after != before:
            raise JournalProblem("The converted journal did not match the original. Nothing was changed.")
        put_in_place(partial, journal)
    finally:
        # On every way out, Ctrl-C included: never a plaintext copy left behind.
        partial.unlink(missing_ok=True)
        with contextlib.suppress(Exception):
            current.conn.execute("ROLLBACK")
        current.close()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            journal.with_name(journal.name + suffix).unlink()


def encrypt(journal: Path, passphrase: str) -> None:
    if looks_encrypted(journal):
        raise InvalidInput("The journal is already encrypted. To change the passphrase: resilience passphrase")
    _check_strength(passphrase)
    _convert(journal, key_in=None, key_out=passphrase)


def decrypt(journal: Path, passphrase: str) -> None:
    if not looks_encrypted(journal):
        raise InvalidInput("The journal is not encrypted. Nothing was changed.")
    _convert(journal, key_in=passphrase, key_out="")


def change(journal: Path, old: str, new: str) -> None:
    from resilience_cli.store import JournalStore

    _check_strength(new)
    store = JournalStore.open(journal, create=False, passphrase=old)
    if store is None:
        raise JournalProblem("There is no journal yet. Nothing was changed.")
    with store, store._guard():
        store.conn.execute(f"PRAGMA rekey = {literal(new)}")


MIN_LENGTH = 8


def _check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise InvalidInput(
            f"Please use a passphrase of at least {MIN_LENGTH} characters; a few words "
            "you will remember work well. Nothing was changed."
        )
