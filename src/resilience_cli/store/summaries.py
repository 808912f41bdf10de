"""What the journal remembers of each supervision summary: its period, requests and actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resilience_cli.store.repository import Repository
from resilience_cli.store.sql import insert_row

if TYPE_CHECKING:
    from resilience_cli.supervision import PastSummary


def summary_row(summary: PastSummary) -> dict[str, Any]:
    """A remembered summary as its row: requests and actions as JSON lists."""
    import json

    return {"id": summary.id, "created_at": summary.created_at, "period_from": summary.period_from,
            "period_to": summary.period_to, "requests": json.dumps(list(summary.requests)),
            "request_other": summary.request_other,
            "actions": json.dumps([{"text": a.text, "status": a.status} for a in summary.actions])}


class Summaries(Repository):

    def save(self, summary: PastSummary) -> None:
        with self.transaction() as conn:
            insert_row(conn, "summaries", summary_row(summary))

    def all(self) -> list[PastSummary]:
        """Every remembered summary, oldest first."""
        import json

        from resilience_cli.supervision import Action, PastSummary

        with self.guard():
            rows = self.conn.execute(
                "SELECT id, created_at, period_from, period_to, requests, request_other, actions "
                "FROM summaries ORDER BY created_at"  # not a message: SQL
            ).fetchall()
        return [
            PastSummary(sid, created, start, end, tuple(json.loads(requests)), other,
                        tuple(Action(a["text"], a["status"]) for a in json.loads(actions)))
            for sid, created, start, end, requests, other, actions in rows
        ]
