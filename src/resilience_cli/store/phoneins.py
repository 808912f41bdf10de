"""The journal's phone-in records: the plan, the takeaways, and the private preparation."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    from resilience_cli.phonein import Plan, Takeaway


def plan_row(plan: Plan) -> dict:
    return dict(asdict(plan), fortnightly=int(plan.fortnightly))


class PhoneIns(Repository):

    def save_plan(self, plan: Plan) -> Plan | None:
        """Record the plan, replacing the one before (returned, or None)."""
        with self.transaction() as conn:
            earlier = self._read_plan(conn)
            conn.execute("DELETE FROM phonein_plan")  # not a message: SQL
            insert_row(conn, "phonein_plan", plan_row(plan))
        return earlier

    def plan(self) -> Plan | None:
        with self.guard():
            return self._read_plan(self.conn)

    def _read_plan(self, conn) -> Plan | None:
        from resilience_cli.phonein import Plan

        names = [f.name for f in dataclass_fields(Plan)]
        row = conn.execute(f"SELECT {', '.join(names)} FROM phonein_plan").fetchone()  # not a message: SQL
        if row is None:
            return None
        values = dict(zip(names, row, strict=True))
        return Plan(**dict(values, fortnightly=bool(values["fortnightly"])))

    def save_takeaway(self, day: dt.date, answers: dict) -> Takeaway:
        """This day's takeaway, or an amendment to it: answers given replace the old ones."""
        import uuid

        from resilience_cli.phonein import Takeaway

        names = [f.name for f in dataclass_fields(Takeaway)]
        stamp = utc_now()
        given = {k: v for k, v in answers.items() if v is not None}
        with self.transaction() as conn:
            row = conn.execute(f"SELECT {', '.join(names)} FROM phoneins WHERE date = ?",  # not a message: SQL
                               (day.isoformat(),)).fetchone()
            if row is None:
                record = Takeaway(str(uuid.uuid4()), day.isoformat(), created_at=stamp, updated_at=stamp, **given)
            else:
                record = replace(Takeaway(**dict(zip(names, row, strict=True))), updated_at=stamp, **given)
            insert_row(conn, "phoneins", asdict(record), verb="INSERT OR REPLACE")  # not a message: SQL
        return record

    def takeaways(self, since: dt.date) -> list[Takeaway]:
        from resilience_cli.phonein import Takeaway

        names = [f.name for f in dataclass_fields(Takeaway)]
        with self.guard():
            rows = self.conn.execute(f"SELECT {', '.join(names)} FROM phoneins WHERE date >= ? ORDER BY date",  # not a message: SQL
                                     (since.isoformat(),)).fetchall()
        return [Takeaway(**dict(zip(names, row, strict=True))) for row in rows]

    def save_prep(self, day: dt.date, bring: str | None) -> None:
        """What the officer would like to bring to the call: private, never exported."""
        import uuid

        stamp = utc_now()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO phonein_preps (id, date, bring, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (date) DO UPDATE SET bring = excluded.bring, updated_at = excluded.updated_at",  # not a message: SQL
                (str(uuid.uuid4()), day.isoformat(), bring, stamp, stamp))

    def prep(self, day: dt.date) -> str | None:
        with self.guard():
            row = self.conn.execute("SELECT bring FROM phonein_preps WHERE date = ?", (day.isoformat(),)).fetchone()  # not a message: SQL
        return row[0] if row else None
