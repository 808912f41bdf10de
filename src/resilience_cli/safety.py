"""Pure: the safety question, when to ask it, and its answers.

Asked only when answers suggest real distress (DOMAIN.md), or weekly when the
user turns that on, or when a support rule offers it. The answer is stored in
the journal alone: it never appears in a log, an export, trends or a summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from resilience_cli.frozen import Frozen
from resilience_cli.messages import _
from resilience_cli.model import CheckIn

YES = "yes"
NO = "no"
PREFER_NOT = "prefer_not_to_say"



def question(*, again: bool = False) -> str:
    """The safety question; `again` at the next check-in after a "yes", gently."""
    return _("safety.again") if again else _("safety.question")


# How long a "yes" keeps the crisis box at the top of `resilience tips`.
CRISIS_DAYS = 2
WEEK = 7
# After a "yes", the safety question is asked again at check-ins this many days on.
ASK_AGAIN_DAYS = 7


class SafetyAnswer(Frozen):
    id: str
    date: str  # the duty day it was asked on
    answer: str
    created_at: str


def distress_words() -> tuple[str, str]:
    """The title and words of the box shown after a day that sounds hard."""
    return _("safety.distress.title"), _("safety.distress.text")


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


def _latest_told(answers: Sequence[SafetyAnswer], since: str, until: str) -> SafetyAnswer | None:
    """The latest yes or no in [since, until]: "prefer not to say" changes nothing."""
    told = [a for a in answers if a.answer in (YES, NO) and since <= a.date <= until]
    return max(told, key=lambda a: (a.date, a.created_at)) if told else None


def crisis_answer(answers: Sequence[SafetyAnswer], today: dt.date) -> SafetyAnswer | None:
    """A "yes" in the last CRISIS_DAYS days that no later "no" has answered."""
    since = (today - dt.timedelta(days=CRISIS_DAYS - 1)).isoformat()
    latest = _latest_told(answers, since, today.isoformat())
    return latest if latest is not None and latest.answer == YES else None


def ask_again(answers: Sequence[SafetyAnswer], today: dt.date) -> bool:
    """After a "yes" within the last week (before today), ask again, gently."""
    since = (today - dt.timedelta(days=ASK_AGAIN_DAYS)).isoformat()
    latest = _latest_told(answers, since, (today - dt.timedelta(days=1)).isoformat())
    return latest is not None and latest.answer == YES
