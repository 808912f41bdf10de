"""Encryption at rest with the real SQLCipher: round trip, wrong passphrase, backups, no extra."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys

import pytest
from conftest import days_ago
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-wheels) is not installable here")

SECRET = "correct horse battery"


@pytest.fixture(autouse=True)
def no_passphrases(monkeypatch):
    monkeypatch.delenv("RESILIENCE_PASSPHRASE", raising=False)
    monkeypatch.delenv("RESILIENCE_PASSPHRASE_NEW", raising=False)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def encrypted_journal(cli, monkeypatch, db_path):
    for n in (3, 2, 1):
        cli("checkin", "--date", days_ago(n), "--mood", str(n + 4), "--no-input")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", SECRET)
    result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    monkeypatch.delenv("RESILIENCE_PASSPHRASE_NEW")
    return result


def test_encrypt_then_use_with_the_passphrase(cli, monkeypatch, db_path):
    result = encrypted_journal(cli, monkeypatch, db_path)
    assert result.stdout.startswith(f"Your journal at {db_path} is now encrypted.")
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db_path).execute("SELECT * FROM checkins").fetchall()
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    assert [r["mood"] for r in json.loads(cli("log", "--format", "json").stdout)] == [7, 6, 5]
    assert cli("checkin", "--mood", "8", "--no-input").exit_code == 0
    assert len(json.loads(cli("log", "--format", "json").stdout)) == 4
    assert "Encrypted:    yes" in cli("privacy").stdout


def test_without_the_passphrase_and_no_terminal(cli, monkeypatch, db_path):
    encrypted_journal(cli, monkeypatch, db_path)
    result = cli("log")
    assert (result.exit_code, result.stderr) == (
        2, f"{db_path} is encrypted. Run this in a terminal to type the passphrase, or set "
           "RESILIENCE_PASSPHRASE (see the README for the risks).\n")
    status = cli("status")
    assert (status.exit_code, status.stdout) == (
        0, "Your journal is encrypted; status needs RESILIENCE_PASSPHRASE to look inside.\n")


def test_a_wrong_passphrase_changes_nothing(cli, monkeypatch, db_path):
    encrypted_journal(cli, monkeypatch, db_path)
    before = digest(db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", "not the one at all")
    for args in (["log"], ["checkin", "--mood", "3", "--no-input"], ["decrypt"]):
        result = cli(*args)
        assert (result.exit_code, result.stderr) == (
            2, f"That passphrase does not open the journal at {db_path}. Nothing was changed.\n")
    assert digest(db_path) == before


def test_backups_stay_encrypted_and_restore(cli, monkeypatch, db_path, tmp_path):
    encrypted_journal(cli, monkeypatch, db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    assert cli("backup", str(tmp_path / "b.db")).exit_code == 0
    assert (tmp_path / "b.db").read_bytes()[:16] != b"SQLite format 3\x00"
    cli("checkin", "--mood", "1", "--no-input")
    result = cli("restore", str(tmp_path / "b.db"), "--yes")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(cli("log", "--format", "json").stdout)) == 3


def test_change_the_passphrase(cli, monkeypatch, db_path):
    encrypted_journal(cli, monkeypatch, db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "a brand new phrase")
    assert cli("passphrase").exit_code == 0
    assert cli("log").exit_code == 2
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", "a brand new phrase")
    assert len(json.loads(cli("log", "--format", "json").stdout)) == 3


def test_decrypt_gives_a_plain_journal_back(cli, monkeypatch, db_path):
    encrypted_journal(cli, monkeypatch, db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    assert cli("decrypt").exit_code == 0
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT mood FROM checkins ORDER BY date")] == [7, 6, 5]
    conn.close()


def test_a_short_passphrase_is_refused(cli, monkeypatch, db_path):
    cli("checkin", "--mood", "5", "--no-input")
    before = digest(db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE_NEW", "short")
    result = cli("encrypt")
    assert result.exit_code == 2
    assert "at least 8 characters" in result.stderr
    assert digest(db_path) == before


def test_encrypt_by_keys_asks_twice(cli, terminal, monkeypatch, db_path):
    cli("checkin", "--mood", "5", "--no-input")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(f"{SECRET}\r{SECRET}x\r{SECRET}\r{SECRET}\r")  # a mismatch, then a match
        result = cli("encrypt")
    assert result.exit_code == 0, result.stderr
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    assert len(json.loads(cli("log", "--format", "json").stdout)) == 1


def test_without_the_extra_the_commands_say_how_to_install(cli, monkeypatch, db_path):
    cli("checkin", "--mood", "5", "--no-input")
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    result = cli("encrypt")
    assert (result.exit_code, result.stderr) == (
        1, "Encryption needs the optional SQLCipher library, which is not installed. "
           "Install it with: pip install 'resilience-checkin[encryption]'\n")


# Conversions that cannot lose a check-in or leave a plaintext copy behind.

@pytest.mark.parametrize("where", ["export", "check"])
def test_ctrl_c_during_decrypt_leaves_no_plaintext_copy(cli, monkeypatch, db_path, where):
    from resilience_cli.store import JournalStore, encryption

    encrypted_journal(cli, monkeypatch, db_path)
    before = digest(db_path)
    # Under a name nobody can guess: .journal.db.<random>.converting
    def converting():
        return list(db_path.parent.glob(".journal.db.*.converting"))
    seen = []

    def interrupt(*args):
        seen.append(len(converting()) == 1)
        raise KeyboardInterrupt

    if where == "export":
        # Just after sqlcipher_export wrote the plaintext copy: `int(version)` is the next step.
        monkeypatch.setattr(encryption, "int", interrupt, raising=False)
    else:
        real = JournalStore.check_integrity
        monkeypatch.setattr(JournalStore, "check_integrity",
                            lambda self: interrupt() if self.path.name.endswith(".converting") else real(self))
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    result = cli("decrypt")
    assert result.exit_code == 130
    assert seen == [True]  # the copy was there when Ctrl-C came
    assert not converting()
    assert digest(db_path) == before


def test_a_plaintext_copy_from_an_interrupted_run_is_removed_on_open(cli, monkeypatch, db_path):
    encrypted_journal(cli, monkeypatch, db_path)
    leftover = db_path.parent / ".journal.db.converting"
    leftover.write_bytes(b"SQLite format 3\x00 a plaintext copy")
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    assert cli("log").exit_code == 0
    assert not leftover.exists()


def test_a_write_waiting_while_the_journal_is_replaced_saves_nothing(cli, db_path, tmp_path):
    import datetime as dt
    import shutil

    from resilience_cli.errors import JournalProblem
    from resilience_cli.store import JournalStore

    cli("checkin", "--mood", "5", "--no-input")
    waiting = JournalStore.open(db_path, create=True)
    copy = tmp_path / "copy.db"
    shutil.copyfile(db_path, copy)
    copy.replace(db_path)  # what encrypt, decrypt and restore do
    with pytest.raises(JournalProblem) as info:
        waiting.save(dt.date.fromisoformat(days_ago(1)), {"mood": 3})
    waiting.close()
    assert info.value.message == ("The journal was replaced (by encrypt, decrypt or restore) while this "
                                  "command waited. Nothing was saved: run it again.")
    assert len(sqlite3.connect(db_path).execute("SELECT * FROM checkins").fetchall()) == 1


def test_a_plain_backup_does_not_silently_turn_encryption_off(cli, monkeypatch, db_path, tmp_path):
    cli("checkin", "--date", days_ago(5), "--mood", "5", "--no-input")
    plain = tmp_path / "plain.db"
    assert cli("backup", str(plain)).exit_code == 0
    encrypted_journal(cli, monkeypatch, db_path)
    monkeypatch.setenv("RESILIENCE_PASSPHRASE", SECRET)
    before = digest(db_path)
    refused = cli("restore", str(plain), "--yes")
    assert (refused.exit_code, refused.stderr) == (
        2, "Your journal is encrypted and this backup is not: restoring it would turn encryption off. Add "
           "--decrypt to restore it unencrypted (then resilience encrypt to encrypt it again). Nothing was changed.\n")
    assert digest(db_path) == before
    assert cli("restore", str(plain), "--yes", "--decrypt").exit_code == 0
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
