"""The team pulse reports and answers the officer has read (pulse_reads, m011)."""

from __future__ import annotations

from dataclasses import dataclass

from resilience_cli.store.repository import Repository
from resilience_cli.store.rows import utc_now


@dataclass(frozen=True)
class PulseRead:
    kind: str  # "report" or "response"
    weeks: str  # ISO weeks, comma-separated
    headline: str
    read_at: str  # ISO 8601 UTC


class PulseReads(Repository):

    def record(self, digest: str, kind: str, weeks: str, headline: str) -> PulseRead | None:
        """Record a file as read, once; None when it is new, else the first reading."""
        with self.transaction() as conn:
            row = conn.execute("SELECT kind, weeks, headline, read_at FROM pulse_reads WHERE digest = ?",  # not a message: SQL
                               (digest,)).fetchone()
            if row is not None:
                return PulseRead(*row)
            conn.execute("INSERT INTO pulse_reads (digest, kind, weeks, headline, read_at) VALUES (?, ?, ?, ?, ?) "
                         "ON CONFLICT (digest) DO NOTHING", (digest, kind, weeks, headline, utc_now()))  # not a message: SQL
        return None

    def all(self) -> list[PulseRead]:
        """Everything read, newest week first."""
        with self.guard():
            rows = self.conn.execute(
                "SELECT kind, weeks, headline, read_at FROM pulse_reads ORDER BY weeks DESC, read_at DESC").fetchall()  # not a message: SQL
        return [PulseRead(*row) for row in rows]
