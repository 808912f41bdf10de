"""When tips show: the rests a tip takes after it is shown (rule_rests) and tips
silenced for a while (silenced_rules)."""

from __future__ import annotations

import datetime as dt

from resilience_cli.store.repository import Repository


class Tips(Repository):

    def rest_of(self, rule: str) -> tuple[dt.date, int] | None:
        """The day a tip was last shown and how strongly, or None."""
        with self.guard():
            row = self.conn.execute("SELECT shown_on, strength FROM rule_rests WHERE rule = ?",  # not a message: SQL
                                    (rule,)).fetchone()
        return (dt.date.fromisoformat(row[0]), row[1]) if row else None

    def rest(self, rule: str, shown_on: dt.date, strength: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO rule_rests (rule, shown_on, strength) VALUES (?, ?, ?) "
                "ON CONFLICT (rule) DO UPDATE SET shown_on = excluded.shown_on, strength = excluded.strength "
                # A check-in for an earlier day never moves the rest back.
                "WHERE excluded.shown_on >= rule_rests.shown_on",  # not a message: SQL
                (rule, shown_on.isoformat(), strength))

    def silence(self, rule: str, until: dt.date) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO silenced_rules (rule, until) VALUES (?, ?) "
                "ON CONFLICT (rule) DO UPDATE SET until = excluded.until",  # not a message: SQL
                (rule, until.isoformat()),
            )

    def unsilence(self, rule: str) -> bool:
        with self.transaction() as conn:
            return conn.execute("DELETE FROM silenced_rules WHERE rule = ?", (rule,)).rowcount > 0  # not a message: SQL

    def silenced(self) -> dict[str, dt.date]:
        with self.guard():
            rows = self.conn.execute("SELECT rule, until FROM silenced_rules").fetchall()  # not a message: SQL
        return {rule: dt.date.fromisoformat(until) for rule, until in rows}
