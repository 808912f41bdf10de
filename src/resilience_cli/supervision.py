"""Pure: what the journal remembers of each supervision summary.

Its period (so the next summary starts where this one ended), the requests
made, and the actions agreed (carried over and reviewed next time). Nothing
else of a summary is kept: the file written is the user's.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTION_STATUSES = ("done", "in progress", "not started", "no longer needed")


@dataclass(frozen=True)
class Action:
    text: str
    status: str = "not started"


@dataclass(frozen=True)
class PastSummary:
    id: str
    created_at: str
    period_from: str
    period_to: str
    requests: tuple[str, ...] = ()
    request_other: str | None = None
    actions: tuple[Action, ...] = ()

    def open_actions(self) -> list[Action]:
        return [a for a in self.actions if a.status not in ("done", "no longer needed")]
