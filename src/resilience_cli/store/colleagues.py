"""The colleagues an officer means to look out for: a nickname, dates, and when a word was had."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    from resilience_cli.colleagues import ColleagueCheck

_COLUMNS = ("id", "nickname", "incident_date", "day3_done", "week4_done", "created_at", "updated_at")


class Colleagues(Repository):

    def all(self) -> list[ColleagueCheck]:
        """Every remembered colleague, oldest incident first."""
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM colleague_checks ORDER BY incident_date, nickname").fetchall()  # not a message: SQL
        if not rows:
            return []  # `status` asks on every new shell: no import for an empty table
        from resilience_cli.colleagues import ColleagueCheck

        return [ColleagueCheck(*row) for row in rows]

    def remember(self, nickname: str, incident: dt.date) -> tuple[ColleagueCheck, bool]:
        """Remember a colleague after an incident; (the record, whether it is new)."""
        import uuid

        from resilience_cli.colleagues import ColleagueCheck

        stamp = utc_now()
        with self.transaction() as conn:
            row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM colleague_checks "
                               "WHERE nickname = ? AND incident_date = ?",  # not a message: SQL
                               (nickname, incident.isoformat())).fetchone()
            if row is not None:
                return ColleagueCheck(*row), False
            check = ColleagueCheck(str(uuid.uuid4()), nickname, incident.isoformat(),
                                   created_at=stamp, updated_at=stamp)
            insert_row(conn, "colleague_checks", asdict(check))
        return check, True

    def mark(self, check: ColleagueCheck, kind: str, day: dt.date) -> ColleagueCheck:
        """Note the day a word was had, about day 3 or week 4."""
        stamp = utc_now()
        column = "day3_done" if kind == "day3" else "week4_done"
        with self.transaction() as conn:
            conn.execute(f"UPDATE colleague_checks SET {column} = ?, updated_at = ? WHERE id = ?",  # not a message: SQL
                         (day.isoformat(), stamp, check.id))
        return replace(check, **{column: day.isoformat()}, updated_at=stamp)

    def forget(self, nickname: str) -> int:
        """Delete every record of this nickname, leaving no trace in the file's free pages.

        Returns how many there were.
        """
        with self.guard():
            # Freed pages are overwritten with zeros, and the write-ahead log,
            # which holds the old pages until a checkpoint, is folded in and emptied.
            self.conn.execute("PRAGMA secure_delete = ON")  # not a message: SQL
        with self.transaction() as conn:
            gone = conn.execute("DELETE FROM colleague_checks WHERE nickname = ?", (nickname,)).rowcount  # not a message: SQL
        if gone:
            with self.guard():
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # not a message: SQL
        return gone
