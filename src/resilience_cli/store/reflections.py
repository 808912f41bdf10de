"""The weekly reflections, one a week (see resilience_cli.reflection)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, replace
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    from resilience_cli.reflection import Reflection


class Reflections(Repository):

    def save(self, week: dt.date, day: dt.date, answers: dict[str, Any]) -> Reflection:
        """Write this week's reflection, or amend it: answers given replace the old ones."""
        import uuid

        from resilience_cli.reflection import Reflection

        names = [f.name for f in dataclass_fields(Reflection)]
        stamp = utc_now()
        with self.transaction() as conn:
            row = conn.execute(
                f"SELECT {', '.join(names)} FROM reflections WHERE week = ?", (week.isoformat(),)  # not a message: SQL
            ).fetchone()
            given = {k: v for k, v in answers.items() if v is not None}
            if row is None:
                record = Reflection(id=str(uuid.uuid4()), week=week.isoformat(), date=day.isoformat(),
                                    created_at=stamp, updated_at=stamp, **given)
            else:
                record = replace(Reflection(**dict(zip(names, row, strict=True))),
                                 date=day.isoformat(), updated_at=stamp, **given)
            insert_row(conn, "reflections", asdict(record), verb="INSERT OR REPLACE")  # not a message: SQL
        return record

    def since(self, since: dt.date) -> list[Reflection]:
        from resilience_cli.reflection import Reflection

        names = [f.name for f in dataclass_fields(Reflection)]
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(names)} FROM reflections WHERE week >= ? ORDER BY week",  # not a message: SQL
                (since.isoformat(),),
            ).fetchall()
        return [Reflection(**dict(zip(names, row, strict=True))) for row in rows]
