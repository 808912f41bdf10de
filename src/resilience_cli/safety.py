"""Pure: the safety question, when to ask it, and its answers.

Asked only when answers suggest real distress (DOMAIN.md), or weekly when the
user turns that on, or when a support rule offers it. The answer is stored in
the journal alone: it never appears in a log, an export, trends or a summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from resilience_cli.model import CheckIn

YES = "yes"
NO = "no"
PREFER_NOT = "prefer_not_to_say"

QUESTION = (
    "Sometimes when things are hard, people have thoughts of ending their life or "
    "harming themselves. Have you had thoughts like that recently?"
)
# How long a "yes" keeps the crisis box at the top of `resilience tips`.
CRISIS_DAYS = 2
WEEK = 7


@dataclass(frozen=True)
class SafetyAnswer:
    id: str
    date: str  # the duty day it was asked on
    answer: str
    created_at: str


def distress_in(record: CheckIn) -> bool:
    """Mood 2 or lower, or intrusions 3 or more with sleep quality 3 or lower."""
    if record.mood is not None and record.mood <= 2:
        return True
    return (
        record.intrusions is not None and record.intrusions >= 3
        and record.sleep_quality is not None and record.sleep_quality <= 3
    )


def weekly_due(answers: Sequence[SafetyAnswer], today: dt.date) -> bool:
    """True when no safety answer was given in the last seven days."""
    since = (today - dt.timedelta(days=WEEK - 1)).isoformat()
    return not any(a.date >= since for a in answers)


def recent_yes(answers: Sequence[SafetyAnswer], today: dt.date) -> SafetyAnswer | None:
    since = (today - dt.timedelta(days=CRISIS_DAYS - 1)).isoformat()
    found = [a for a in answers if a.answer == YES and since <= a.date <= today.isoformat()]
    return found[-1] if found else None
