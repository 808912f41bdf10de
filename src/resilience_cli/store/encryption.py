"""Encrypting a journal, decrypting it, changing its passphrase (SQLCipher).

Converting is done into a new file beside the journal, checked, and moved
into place, so a failure part-way leaves the journal as it was. A lost
passphrase cannot be recovered: there is no back door.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from resilience_cli.errors import InvalidInput, JournalProblem
from resilience_cli.files import new_partial, put_in_place
from resilience_cli.messages import _
from resilience_cli.store import JournalStore
from resilience_cli.store.cipher import driver, literal, looks_encrypted, unlock


def _convert(journal: Path, *, key_in: str | None, key_out: str) -> None:
    """Write the journal into a new file with another key ('' is plain), then swap it in."""
    sc = driver()
    # Through SQLCipher's library, as the converting connection below is: SQLite keeps
    # one set of locks per file for all its connections, but two libraries in one
    # process do not share theirs, and closing the other's file handle silently
    # dropped this connection's write lock (POSIX locks belong to the process). Check-ins
    # then wrote during the conversion, which failed with "attempt to write a readonly
    # database", and the sweep of stale copies could remove the copy being made.
    current = JournalStore.open(journal, create=False, passphrase=key_in, through_cipher=True)
    if current is None:
        raise JournalProblem(_("store.encryption.no_journal"))
    try:
        current.check_integrity()  # every page is rewritten: never from a damaged journal
    except BaseException:
        current.close()
        raise
    current.checkpoint()
    # The journal's write lock, held for the whole conversion: a check-in run
    # meanwhile waits, and then finds the journal replaced and saves nothing,
    # rather than saying "Saved" into the old file.
    with current.guard():
        current.conn.execute("BEGIN IMMEDIATE")  # not a message: SQL
    partial = None
    try:
        before = current.counts()
        partial = new_partial(journal, ".converting")
        conn = sc.connect(str(journal), isolation_level=None)
        try:
            if key_in is not None:
                unlock(conn, key_in)
            conn.execute(f"ATTACH DATABASE ? AS converted KEY {literal(key_out)}", (str(partial),))  # not a message: SQL
            conn.execute("SELECT sqlcipher_export('converted')")  # not a message: SQL
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # not a message: SQL
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")  # not a message: SQL
            conn.execute("DETACH DATABASE converted")  # not a message: SQL
        except sc.Error as exc:
            if "readonly" in str(exc) or "locked" in str(exc) or "busy" in str(exc):
                raise JournalProblem(_("store.encryption.busy")) from None
            raise JournalProblem(_("store.encryption.failed", reason=exc)) from None
        finally:
            conn.close()
        check = JournalStore.open(partial, create=False, passphrase=key_out or None)
        if check is None:
            raise JournalProblem(_("store.encryption.unreadable"))
        with check:
            check.check_integrity()
            after = check.counts()
        if after != before:
            raise JournalProblem(_("store.encryption.mismatch"))
        put_in_place(partial, journal)
    finally:
        # On every way out, Ctrl-C included: never a plaintext copy left behind.
        if partial is not None:
            partial.unlink(missing_ok=True)
        with contextlib.suppress(Exception):
            current.conn.execute("ROLLBACK")
        current.close()
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            journal.with_name(journal.name + suffix).unlink()


def encrypt(journal: Path, passphrase: str) -> None:
    if looks_encrypted(journal):
        raise InvalidInput(_("store.encryption.already", command="resilience passphrase"))  # not a message: command
    _check_strength(passphrase)
    _convert(journal, key_in=None, key_out=passphrase)


def decrypt(journal: Path, passphrase: str) -> None:
    if not looks_encrypted(journal):
        raise InvalidInput(_("store.encryption.not_encrypted"))
    _convert(journal, key_in=passphrase, key_out="")


def change(journal: Path, old: str, new: str) -> None:
    _check_strength(new)
    store = JournalStore.open(journal, create=False, passphrase=old)
    if store is None:
        raise JournalProblem(_("store.encryption.no_journal"))
    with store:
        store.check_integrity()  # every page is rewritten: never a damaged journal
        with store.guard():
            store.conn.execute(f"PRAGMA rekey = {literal(new)}")  # not a message: SQL


MIN_LENGTH = 8


def _check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_LENGTH:
        raise InvalidInput(_("store.encryption.too_short", length=MIN_LENGTH))
