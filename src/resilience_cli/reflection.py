"""Pure: the optional weekly reflection (DOMAIN.md, "Periodic checks").

One reflection per week (weeks start on Monday); answering again amends it.
The "one small thing to try" is shown back the following week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.model import MAX_TEXT, WEEKDAYS

QUESTIONS = {
    "helped": "Looking back over the week, what helped you most?",
    "harder": "What made the week harder?",
    "connected": "How connected did you feel to colleagues this week?",
    "worthwhile": "How worthwhile did your work feel this week?",
    # Exposure can bring growth as well as strain (DOMAIN.md, "Periodic checks").
    "proud": "Something you learned this week, or are quietly proud of?",
    "try_next": "One small thing you'll try next week?",
}
SCALE_WORDS = {
    "connected": {0: "not at all", 4: "very"},
    "worthwhile": {0: "not at all", 4: "very"},
}
TEXT_FIELDS = ("helped", "harder", "proud", "try_next")
SCALE_FIELDS = ("connected", "worthwhile")


@dataclass(frozen=True)
class Reflection:
    id: str
    week: str  # the Monday the week starts on
    date: str  # the day it was written
    helped: str | None = None
    harder: str | None = None
    connected: int | None = None
    worthwhile: int | None = None
    try_next: str | None = None
    proud: str | None = None  # optional: something learned or quietly proud of
    created_at: str = ""
    updated_at: str = ""


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def validate(answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in answers.items():
        if value is None:
            out[name] = None
        elif name in SCALE_FIELDS:
            if isinstance(value, bool) or str(value).strip() not in ("0", "1", "2", "3", "4"):
                raise InvalidInput(
                    f"{name} must be a whole number from 0 (not at all) to 4 (very); you gave {value}."
                )
            out[name] = int(str(value).strip())
        elif name in TEXT_FIELDS:
            text = str(value).strip()
            if len(text) > MAX_TEXT:
                raise InvalidInput(f"{name} is {len(text)} characters long; the most is {MAX_TEXT}.")
            out[name] = text or None
        else:
            raise InvalidInput(f"There is no reflection question called {name!r}.")
    return out


def offer_due(reflections: list[Reflection], today: dt.date, day_name: str) -> bool:
    """Offer the reflection on or after the chosen weekday, once a week."""
    if today.weekday() < WEEKDAYS.index(day_name):
        return False
    this_week = week_start(today).isoformat()
    return not any(r.week == this_week for r in reflections)


def last_weeks_plan(reflections: list[Reflection], today: dt.date) -> Reflection | None:
    """Last week's reflection, when it named something to try."""
    last_week = (week_start(today) - dt.timedelta(days=7)).isoformat()
    for r in reflections:
        if r.week == last_week and r.try_next:
            return r
    return None
