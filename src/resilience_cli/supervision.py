"""Pure: what the journal remembers of each supervision summary.

Its period (so the next summary starts where this one ended), the requests
made, and the actions agreed (carried over and reviewed next time). Nothing
else of a summary is kept: the file written is the user's.
"""

from __future__ import annotations

from dataclasses import dataclass

# An action proposed while preparing a summary is "to discuss": it becomes
# agreed only when the officer says so at the next summary's review.
# The statuses are values as the journal and its exports store them, in English
# whatever the language spoken; status_words() is how a status reads.
TO_DISCUSS = "to discuss"  # not a message: a stored value (status_words)
ACTION_STATUSES = ("agreed", "in progress", "done", TO_DISCUSS,  # not a message: stored values (status_words)
                   "not agreed", "no longer needed")  # not a message: stored values (status_words)
CLOSED = ("done", "no longer needed", "not agreed")  # not a message: stored values (status_words)
# The catalogue's id of each status's words.
_STATUS_IDS = {"agreed": "interchange.action_status.agreed",
               "in progress": "interchange.action_status.in_progress",  # not a message: a stored value
               "done": "interchange.action_status.done", TO_DISCUSS: "interchange.action_status.to_discuss",
               "not agreed": "interchange.action_status.not_agreed",  # not a message: a stored value
               "no longer needed": "interchange.action_status.no_longer_needed"}  # not a message: a stored value


def status_words(status: str) -> str:
    """An action's status as it reads in the language spoken (a status of an older
    journal, unknown here, as it is stored)."""
    from resilience_cli.messages import _

    key = _STATUS_IDS.get(status)
    return _(key) if key else status


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
