"""The safety answers: the daily question's, and packs' safety questions' (pack_safety_answers).

They never leave the journal: no export writes them, and a backup can leave them out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now

if TYPE_CHECKING:
    from resilience_cli.safety import SafetyAnswer

_TABLES = ("safety_answers", "pack_safety_answers")


class SafetyAnswers(Repository):

    def put(self, day: dt.date, answer: str, stamp: str) -> None:
        """Add an answer inside the caller's transaction (a check-in saves it with the day)."""
        import uuid

        self.conn.execute(
            "INSERT INTO safety_answers (id, date, answer, created_at) VALUES (?, ?, ?, ?)",  # not a message: SQL
            (str(uuid.uuid4()), day.isoformat(), answer, stamp),
        )

    def add(self, day: dt.date, answer: str) -> None:
        with self.transaction():
            self.put(day, answer, utc_now())

    def count(self) -> int:
        """Safety answers held, the daily question's and packs' safety questions' together."""
        with self.guard():
            return sum(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in _TABLES)  # not a message: SQL

    def forget(self) -> int:
        """Remove every safety answer, in one transaction. Returns how many there were."""
        with self.transaction() as conn:
            return sum(conn.execute(f"DELETE FROM {table}").rowcount for table in _TABLES)  # not a message: SQL

    def forget_on(self, day: dt.date) -> None:
        """Remove a day's answers inside the caller's transaction (a deleted check-in takes them along)."""
        for table in _TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE date = ?", (day.isoformat(),))  # not a message: SQL

    def since(self, since: dt.date) -> list[SafetyAnswer]:
        from resilience_cli.safety import SafetyAnswer

        with self.guard():
            rows = self.conn.execute(
                "SELECT id, date, answer, created_at FROM safety_answers "
                "WHERE date >= ? ORDER BY date, created_at", (since.isoformat(),),  # not a message: SQL
            ).fetchall()
        return [SafetyAnswer(*row) for row in rows]

    def pack_crises(self, since: dt.date) -> list[SafetyAnswer]:
        """Pack safety answers at or over their threshold since `since`, as "yes" answers."""
        from resilience_cli.safety import YES, SafetyAnswer

        with self.guard():
            rows = self.conn.execute(
                "SELECT id, date, created_at FROM pack_safety_answers WHERE crisis = 1 AND date >= ? "
                "ORDER BY date", (since.isoformat(),)).fetchall()  # not a message: SQL
        return [SafetyAnswer(rid, date, YES, created) for rid, date, created in rows]
