"""Pure: what the journal remembers of each supervision summary.

Its period (so the next summary starts where this one ended), the requests
made, and the actions agreed (carried over and reviewed next time). Nothing
else of a summary is kept: the file written is the user's.
"""

from __future__ import annotations

from dataclasses import dataclass

# An action proposed while preparing a summary is "to discuss": it becomes
# agreed only when the officer says so at the next summary's review.
TO_DISCUSS = "to discuss"
ACTION_STATUSES = ("agreed", "in progress", "done", TO_DISCUSS, "not agreed", "no longer needed")
CLOSED = ("done", "no longer needed", "not agreed")


@dataclass(frozen=True)
class Action:
    text: str
    status: str = TO_DISCUSS


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
        return [a for a in self.actions if a.status not in CLOSED]
