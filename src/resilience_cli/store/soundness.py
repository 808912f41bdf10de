"""When the journal is checked for damage: where it matters, not on every write.

A full check (`PRAGMA quick_check`) reads the whole file: about 20 ms on ten
years of check-ins and up to 220 ms on a hundred, the one cost of an everyday
write that grew with the journal. It runs before the first write of a command
unless this journal is vouched for:

- the stamp beside it (`.journal.db.checked`) matches the file exactly: the
  same inode, size, modification and change times as when resilience last
  closed it cleanly, after a full check or after writes to a journal that was
  vouched for at the time. Anything that changed the file since (another
  program, a copy over it, a sync tool, a restore, an interrupted run whose
  log was later folded in) changes its change time, which no program can set
  back, so the stamp no longer matches and the check runs (on Windows, where
  that time is the creation time, the size and modification time carry it);
- no write-ahead log (`journal.db-wal`) was beside it when this command opened
  it: the last connection to close removes it, so one left there means a
  command was ended part-way (or is running now). SQLite replays a log safely,
  but a journal that was not closed cleanly is checked before it is written;
- its last full check is under a week old. Damage that bypasses the file
  system (a failing disk) changes no time stamp: the weekly check bounds how
  long it can go unseen. Daily would land on nearly every check-in, the one
  write most people make each day.

Backup, restore, import, encrypt, decrypt, a change of passphrase, a schema
update and `privacy` check the whole file whatever the stamp says.

The stamp is written only after the last connection closed (no log left
beside the file) by a command that vouched for the journal when it opened it:
a race with another command can only make the next one check again, never skip
a check. It holds sizes and times, nothing from the journal.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import suppress
from pathlib import Path

# Days between full checks of a journal that has been vouched for all along.
CHECK_EVERY_DAYS = 7
# The last word of a complete stamp: a stamp cut short by a crash is no stamp.
_END = "sound"


def stamp_path(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.checked")


def left_open(journal: Path) -> bool:
    """Whether a write-ahead log is beside the journal: sample it before connecting."""
    return journal.with_name(journal.name + "-wal").exists()


def _signature(journal: Path) -> str | None:
    try:
        st = journal.stat()
    except OSError:
        return None
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def vouched(journal: Path, today: dt.date, *, was_left_open: bool) -> dt.date | None:
    """The day of the last full check, when the journal may be written without another one;
    None when it must be checked first."""
    if was_left_open:
        return None
    try:
        words = stamp_path(journal).read_text("ascii").split()
    except (OSError, UnicodeDecodeError):
        return None
    if len(words) != 6 or words[-1] != _END or " ".join(words[:4]) != _signature(journal):
        return None
    try:
        checked = dt.date.fromisoformat(words[4])
    except ValueError:
        return None
    # A clock set back makes the stamp's day later than today: check again.
    return checked if 0 <= (today - checked).days < CHECK_EVERY_DAYS else None


def record(journal: Path, checked: dt.date) -> None:
    """Stamp the journal as resilience leaves it, once the last connection has closed."""
    if left_open(journal):
        return  # another command still has it open: it stamps the file when it closes it
    signature = _signature(journal)
    if signature is None:
        return
    # A stamp that cannot be written only means a full check next time.
    with suppress(OSError):
        fd = os.open(stamp_path(journal), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(f"{signature} {checked.isoformat()} {_END}\n")
