"""Encryption at rest with SQLCipher (the optional `encryption` extra).

An encrypted journal is the same SQLite schema inside an SQLCipher file: the
store opens it with the passphrase and everything else works unchanged. This
module is what the store needs to open one; turning a journal into an
encrypted one and back is in `store/encryption.py`.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from resilience_cli.errors import JournalProblem
from resilience_cli.messages import _

SQLITE_HEADER = b"SQLite format 3\x00"
INSTALL = "pip install 'resilience-checkin[encryption]'"  # not a message: a command, typed as it is


def driver() -> ModuleType:
    """SQLCipher's DB-API module, or a clear error saying how to install it."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise JournalProblem(_("store.cipher.missing", hint=install_hint())) from None
    return dbapi2


def install_hint() -> str:
    """How to install the encryption extra, in the language spoken."""
    return _("store.cipher.install", install=INSTALL)


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
    conn.execute("PRAGMA cipher_log_level = NONE")  # not a message: SQL
    conn.execute(f"PRAGMA key = {literal(passphrase)}")  # not a message: SQL
