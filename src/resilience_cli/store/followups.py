"""The follow-ups after an incident: day 3 and week 4 (see resilience_cli.followups)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, replace
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    # Imported where they are made: `log` and `status` open the store and need
    # none of them (each is a data class, and making them costs start-up).
    from resilience_cli.followups import FollowUp


class FollowUps(Repository):

    def put(self, f: FollowUp) -> None:
        """Add a follow-up inside the caller's transaction; one already there for its incident stays."""
        insert_row(self.conn, "followups", dict(asdict(f), skipped=int(f.skipped)),
                   suffix="ON CONFLICT (incident_date, kind) DO NOTHING")  # not a message: SQL

    def save(self, followup: FollowUp) -> None:
        """One answered follow-up, on its own: no check-in is created with it."""
        stamp = utc_now()
        with self.transaction():
            self.put(replace(followup, created_at=stamp, updated_at=stamp))

    def add_all(self, followups: Iterable[FollowUp]) -> None:
        """Add follow-ups as they are (the sample data's), in one transaction."""
        with self.transaction():
            for f in followups:
                self.put(f)

    def since(self, since: dt.date) -> list[FollowUp]:
        from resilience_cli.followups import FollowUp

        names = [f.name for f in dataclass_fields(FollowUp)]
        with self.guard():
            rows = self.conn.execute(
                f"SELECT {', '.join(names)} FROM followups WHERE date >= ? ORDER BY date",  # not a message: SQL
                (since.isoformat(),),
            ).fetchall()
        out = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            values["skipped"] = bool(values["skipped"])
            out.append(FollowUp(**values))
        return out
